using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The exact solver's plans against an exhaustive search on seeded instances small enough to enumerate.</summary>
public sealed class ExactSolverBruteForceTests
{
    public static TheoryData<ExactBackend> Backends => [.. Enum.GetValues<ExactBackend>()];

    [Theory]
    [MemberData(nameof(Backends))]
    public void SolveDetailed_TinyInstances_ReachesTheBruteForceOptimum(ExactBackend backend)
    {
        var sut = CreateSut(backend);
        var bindingInstances = 0;
        for (var seed = 1; seed <= 100; seed++)
        {
            var problem = TinyInstances.Problem(seed);
            bindingInstances += AssertMatchesBruteForce(sut, problem, $"tiny seed {seed}") ? 1 : 0;
        }
        Assert.True(bindingInstances >= 20, $"joint constraints should keep fitting jobs pending in many instances, did in {bindingInstances}");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SolveDetailed_RandomTwoClusterInstances_ReachesTheBruteForceOptimum(ExactBackend backend)
    {
        var sut = CreateSut(backend);
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
    private static bool AssertMatchesBruteForce(ExactSolver sut, PlacementProblem problem, string context)
    {
        var objective = ProblemObjective.For(problem);
        var oracle = BruteForceSolver.Solve(problem, objective);

        var result = sut.SolveDetailed(problem);

        PlanChecks.AssertHold(problem, result.Plan, context);
        Assert.True(result.ProvenOptimal, $"{context}: {result.Status}, repaired {result.RepairedAssignments}");
        Assert.Equal(objective.Evaluate(result.Plan), result.Objective);
        // Every backend works in whole millionths of a dollar, the cost model's own resolution: the optimum is the same to the millionth.
        Assert.True(result.Objective == oracle.Objective, $"{context}: exact {result.Objective}, brute force {oracle.Objective}");
        Assert.Equal(result.Objective, result.LowerBound);
        Assert.True(result.LowerBound <= oracle.Objective, $"{context}: bound {result.LowerBound} above the optimum {oracle.Objective}");
        return result.Plan.Unplaced.Any(u => !u.NoEligiblePool);
    }

    private static long Combinations(PlacementProblem problem) =>
        problem.Jobs.Aggregate(1L, (product, job) => product * (problem.CandidatesFor(job).Count(c => c.Eligible) + 1));

    private static ExactSolver CreateSut(ExactBackend backend) => new(new ExactSolverOptions { TimeLimit = TimeSpan.FromSeconds(30), Backend = backend });
}
