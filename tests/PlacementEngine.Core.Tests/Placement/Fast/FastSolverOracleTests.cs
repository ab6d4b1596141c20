using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>The fast solver against brute force on tiny seeded instances.</summary>
public sealed class FastSolverOracleTests
{
    private const int Seeds = 200;

    [Fact]
    public void Solve_TinyInstances_MatchesTheBruteForceOptimumExactly()
    {
        var solver = new FastSolver();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var problem = TinyInstances.Problem(seed);
            var objective = ProblemObjective.ByEvaluatingEveryCandidate(problem);
            var optimum = BruteForce.Optimum(problem, objective);

            var plan = solver.Solve(problem);

            PlanInvariants.AssertHold(problem, plan, $"seed {seed}");
            Assert.True(objective.Evaluate(plan) == optimum, $"seed {seed}: fast {objective.Evaluate(plan)}, optimum {optimum}");
            Assert.True(plan.LowerBound == optimum, $"seed {seed}: a completed exact search proves its bound, {plan.LowerBound} vs {optimum}");
        }
    }

    [Fact]
    public void Solve_HeuristicOnly_BoundsTheOptimumFromBelowAndNeverBeatsIt()
    {
        var solver = new FastSolver(new FastSolverOptions { ExactSearchMaxJobs = 0 });
        var matched = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var problem = TinyInstances.Problem(seed);
            var objective = ProblemObjective.ByEvaluatingEveryCandidate(problem);
            var optimum = BruteForce.Optimum(problem, objective);

            var plan = solver.Solve(problem);

            PlanInvariants.AssertHold(problem, plan, $"seed {seed}");
            var value = objective.Evaluate(plan);
            Assert.True(plan.LowerBound is { } bound && bound <= optimum, $"seed {seed}: bound {plan.LowerBound} above the optimum {optimum}");
            Assert.True(value >= optimum, $"seed {seed}: {value} below the optimum {optimum}");
            matched += value == optimum ? 1 : 0;
        }
        // The Lagrangian heuristic alone should find most tiny optima; the exact search covers the rest.
        Assert.True(matched >= Seeds * 8 / 10, $"the heuristic matched the optimum on {matched} of {Seeds} seeds");
    }
}
