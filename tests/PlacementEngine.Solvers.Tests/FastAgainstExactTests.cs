using PlacementEngine.Core;
using PlacementEngine.Scenarios;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The exact solver as the oracle for the fast one, on real-data S scenarios it solves to proven optimality.</summary>
public sealed class FastAgainstExactTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Solve_SScenario_FastIsWithinOnePercentOfTheProvenOptimum(int seed, bool contended)
    {
        var problem = ScenarioGenerator.Shared.Generate(ScenarioSize.S, seed, contended).Problem;
        var exact = new ExactSolver(new ExactSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) }).SolveDetailed(problem);

        var fast = ProblemObjective.For(problem).Evaluate(new FastSolver().Solve(problem));

        Assert.True(exact.ProvenOptimal, $"the exact solver should prove S seed {seed} optimal: {exact.Status}, gap {exact.RelativeGap}");
        Assert.Empty(PlanAudit.Violations(problem, exact.Plan));
        Assert.True(fast >= exact.Objective, $"fast {fast} beats the proven optimum {exact.Objective}");
        Assert.True((fast - exact.Objective).Dollars <= exact.Objective.Dollars * 0.01m, $"fast {fast}, optimum {exact.Objective}");
    }
}
