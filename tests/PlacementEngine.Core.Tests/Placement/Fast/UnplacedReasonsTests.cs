using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class UnplacedReasonsTests
{
    [Property(MaxTest = 100)]
    public Property Solve_RandomInstances_ExplainsWaitingJobsAsTheOtherSolversDo() =>
        RandomProblems.ForAll(RandomProblems.From(seed => WithBlockedPools(RandomInstances.Problem(seed), seed)), problem =>
        {
            var plan = new FastSolver(new FastSolverOptions { ExactSearchMaxJobs = 0 }).Solve(problem);

            foreach (var waiting in plan.Unplaced)
            {
                var candidates = problem.CandidatesFor(waiting.Job);
                Assert.Equal(candidates.All(c => !c.Eligible), waiting.NoEligiblePool);
                if (waiting.NoEligiblePool)
                {
                    Assert.Equal(GreedySolver.DominantRejection(candidates), (waiting.Reason, waiting.Detail));
                }
                else
                {
                    Assert.True(waiting.Reason.IsTransient() && waiting.Reason != RejectReason.Unhealthy, $"{waiting.Job.Id} waits for {waiting.Reason}");
                }
            }
        });

    [Fact]
    public void RandomInstancesWithBlockedPools_HavePlentyOfJobsWithNoEligiblePool_SoThePropertyIsNotVacuous()
    {
        var solver = new FastSolver(new FastSolverOptions { ExactSearchMaxJobs = 0 });
        var noEligible = Enumerable.Range(1, 30)
            .Sum(seed => solver.Solve(WithBlockedPools(RandomInstances.Problem(seed), seed)).Unplaced.Count(u => u.NoEligiblePool));

        Assert.True(noEligible > 30, $"the instances should have plenty of jobs with no eligible pool, had {noEligible}");
    }

    private static PlacementProblem WithBlockedPools(PlacementProblem problem, int seed)
    {
        var random = new Random(seed);
        var jobs = problem.Jobs.Select(job => random.Next(4) != 0 ? job
            : job with { BlockedPools = problem.Fleet.Pools.Where(_ => random.Next(2) == 0).Select(p => p.Name).ToHashSet() }).ToList();
        return problem with { Jobs = jobs };
    }
}
