using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class UnplacedReasonsTests
{
    [Fact]
    public void Solve_RandomInstances_ExplainsWaitingJobsAsTheOtherSolversDo()
    {
        var solver = new FastSolver(new FastSolverOptions { ExactSearchMaxJobs = 0 });
        var noEligible = 0;
        for (var seed = 1; seed <= 100; seed++)
        {
            var problem = WithBlockedPools(RandomInstances.Problem(seed), seed);

            var plan = solver.Solve(problem);

            foreach (var waiting in plan.Unplaced)
            {
                var candidates = problem.CandidatesFor(waiting.Job);
                Assert.Equal(candidates.All(c => !c.Eligible), waiting.NoEligiblePool);
                if (waiting.NoEligiblePool)
                {
                    noEligible++;
                    Assert.Equal(GreedySolver.DominantRejection(candidates), (waiting.Reason, waiting.Detail));
                }
                else
                {
                    Assert.True(waiting.Reason.IsTransient() && waiting.Reason != RejectReason.Unhealthy, $"seed {seed}: {waiting.Job.Id} waits for {waiting.Reason}");
                }
            }
        }
        Assert.True(noEligible > 100, $"the instances should have plenty of jobs with no eligible pool, had {noEligible}");
    }

    private static PlacementProblem WithBlockedPools(PlacementProblem problem, int seed)
    {
        var random = new Random(seed);
        var jobs = problem.Jobs.Select(job => random.Next(4) != 0 ? job
            : job with { BlockedPools = problem.Fleet.Pools.Where(_ => random.Next(2) == 0).Select(p => p.Name).ToHashSet() }).ToList();
        return problem with { Jobs = jobs };
    }
}
