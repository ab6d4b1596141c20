using PlacementEngine.Core;
using PlacementEngine.Solvers.Cbc;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>CBC's plans against an exhaustive search on seeded instances small enough to enumerate.</summary>
public sealed class CbcSolverBruteForceTests
{
    /// <summary>CBC stops once a better plan would gain less than 1e-5 dollars; brute force is exact in decimal.</summary>
    private static readonly Money Tolerance = Money.Of(0.0001m);

    [Fact]
    public void SolveDetailed_TinyInstances_ReachesTheBruteForceOptimum()
    {
        var sut = CreateSut();
        var bindingInstances = 0;
        for (var seed = 1; seed <= 100; seed++)
        {
            var problem = TinyInstances.Problem(seed);
            bindingInstances += AssertMatchesBruteForce(sut, problem, $"tiny seed {seed}") ? 1 : 0;
        }
        Assert.True(bindingInstances >= 20, $"joint constraints should keep fitting jobs pending in many instances, did in {bindingInstances}");
    }

    [Fact]
    public void SolveDetailed_RandomTwoClusterInstances_ReachesTheBruteForceOptimum()
    {
        var sut = CreateSut();
        var compared = 0;
        for (var seed = 1; seed <= 60 && compared < 30; seed++)
        {
            var problem = RandomInstances.Problem(seed, clusters: 2, jobs: 5);
            if (Combinations(problem) > BruteForceSolver.MaxLeaves)
            {
                continue;
            }
            AssertMatchesBruteForce(sut, problem, $"random seed {seed}");
            compared++;
        }
        Assert.True(compared >= 20, $"enough random instances should be small enough to enumerate, were {compared}");
    }

    /// <returns>Whether the optimum leaves pending a job that has an eligible pool: a joint constraint binds.</returns>
    private static bool AssertMatchesBruteForce(CbcSolver sut, PlacementProblem problem, string context)
    {
        var objective = ProblemObjective.For(problem);
        var oracle = BruteForceSolver.Solve(problem, objective);

        var result = sut.SolveDetailed(problem);

        PlanChecks.AssertHold(problem, result.Plan, context);
        Assert.True(result.ProvenOptimal, $"{context}: {result.Status}, repaired {result.RepairedAssignments}");
        Assert.Equal(objective.Evaluate(result.Plan), result.Objective);
        var difference = result.Objective - oracle.Objective;
        Assert.True(difference >= Money.Zero, $"{context}: CBC {result.Objective} beats brute force {oracle.Objective}: one of them breaks a constraint");
        Assert.True(difference <= Tolerance, $"{context}: CBC {result.Objective}, brute force {oracle.Objective}");
        Assert.True(result.LowerBound <= oracle.Objective, $"{context}: bound {result.LowerBound} above the optimum {oracle.Objective}");
        return result.Plan.Unplaced.Any(u => !u.NoEligiblePool);
    }

    private static long Combinations(PlacementProblem problem) =>
        problem.Jobs.Aggregate(1L, (product, job) => product * (problem.CandidatesFor(job).Count(c => c.Eligible) + 1));

    private static CbcSolver CreateSut() => new(new CbcSolverOptions { TimeLimit = TimeSpan.FromSeconds(30) });
}
