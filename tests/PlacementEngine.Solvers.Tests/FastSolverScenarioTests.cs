using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The fast solver's first plan on real-data scenarios where team budgets, not room, bind.</summary>
public sealed class FastSolverScenarioTests
{
    [Fact]
    public void Solve_TeamsShortOfMoney_FirstPlanIsWithinTwoPercentOfItsBound()
    {
        // M seed 4, contended: teams on tight budgets compete for the cheap pools with teams that can pay for any. Their
        // jobs must get the cheap pools, or their money runs out early and important jobs wait (3% from the bound).
        var problem = ScenarioGenerator.Shared.Generate(ScenarioSize.M, 4, contended: true).Problem;
        var solver = new FastSolver(new FastSolverOptions { MaxIterations = 0, TargetGap = 0.02 });

        var report = solver.SolveWithReport(problem);

        Assert.Equal(0, report.Iterations);
        Assert.InRange(report.Gap, 0d, 0.02);
        Assert.Empty(PlanAudit.Violations(problem, report.Plan));
    }
}
