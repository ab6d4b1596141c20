using PlacementEngine.Core;
using PlacementEngine.Solvers.Tests.Support;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The oracle itself, on instances whose optimum is worked out by hand.</summary>
public sealed class BruteForceSolverTests
{
    [Fact]
    public void Solve_TwoJobsWantTheOneCheapNode_FindsTheJointOptimum()
    {
        var problem = Problems.Of(Problems.EuAndUs(euHourly: 1m, euNodes: 1, usHourly: 2m, usNodes: 1), [
            Problems.Training("anywhere", priority: 1).Obj(),
            Problems.Training("eu-only").InEu().Obj(),
        ]);

        var optimum = BruteForceSolver.Solve(problem, ProblemObjective.For(problem));

        // anywhere on the US node ($4) and eu-only on the EU node ($2).
        Assert.Equal(Money.Of(6m), optimum.Objective);
        Assert.Equal(["us/g-a100-8/on-demand", "eu/g-a100-8/on-demand"], optimum.Assignments.Select(a => a.Candidate.Pool.Name));
    }

    [Fact]
    public void Solve_BudgetForOneJob_PaysThePenaltyOfTheLessImportant()
    {
        var problem = Problems.Of(Problems.EuAndUs(2m, 4, 2m, 4), [Problems.Training("low").Obj(), Problems.Training("high", priority: 1).Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(5m) });
        var objective = ProblemObjective.For(problem);

        var optimum = BruteForceSolver.Solve(problem, objective);

        // high placed for $4; low pending for one penalty unit (dearest candidate $4, so $5).
        Assert.Equal(Money.Of(4m) + objective.PenaltyUnit, optimum.Objective);
        Assert.Equal("j1", Assert.Single(optimum.Assignments).Job.Id.Value);
    }
}
