using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>The fast path of candidate generation (classes, per-job checks, exact costs) against Eligibility and CostModel.</summary>
public sealed class FastEligibilityTests
{
    [Property(MaxTest = 60)]
    public Property RejectionAndCost_RandomInstance_EqualTheSlowPathForEveryJobAndPool() =>
        RandomProblems.ForAll(RandomProblems.From(seed => WithBlockedPoolsAndData(RandomInstances.Problem(seed), seed)), RejectionAndCostEqualTheSlowPath);

    [Property(MaxTest = 60)]
    public Property Cheapest_RandomInstance_ListsTheCheapestFeasiblePoolsAndFloorsTheRest() =>
        RandomProblems.ForAll(RandomProblems.From(seed => WithBlockedPoolsAndData(RandomInstances.Problem(seed, clusters: 8, jobs: 40), seed)), CheapestListsTheCheapestAndFloorsTheRest);

    private static void RejectionAndCostEqualTheSlowPath(PlacementProblem problem)
    {
        var index = FleetIndex.Build(problem.Fleet, problem.Prices);
        var prepared = PreparedProblem.Prepare(problem, index);

        foreach (var job in prepared.Jobs)
        {
            for (var pool = 0; pool < index.PoolCount; pool++)
            {
                var indexed = index.Pools[pool];
                var slow = Eligibility.Evaluate(job.Job, indexed.Cluster, indexed.Pool, problem.Prices);
                Assert.True(slow.Rejection == job.RejectionAt(pool), $"{job.Job.Id} on {indexed.Pool.Name}: slow {slow.Rejection}, fast {job.RejectionAt(pool)}");
                if (slow.Cost is { } cost && slow.Rejection is not (RejectReason.GpuCount or RejectReason.GpuModel))
                {
                    Assert.Equal(cost.Total.Dollars, job.Cost(pool));
                    Assert.Equal(cost.Compute.Dollars, job.Compute(pool));
                }
            }
            var eligible = job.EligiblePools().Select(p => index.Pools[p].Pool.Name).ToHashSet();
            var expected = problem.CandidatesFor(job.Job).Where(c => c.Eligible).Select(c => c.Pool.Name).ToHashSet();
            Assert.True(expected.SetEquals(eligible), $"{job.Job.Id}: eligible pools differ");
        }
    }

    private static void CheapestListsTheCheapestAndFloorsTheRest(PlacementProblem problem)
    {
        var index = FleetIndex.Build(problem.Fleet, problem.Prices);
        var prepared = PreparedProblem.Prepare(problem, index);
        var generator = new CandidateGenerator(prepared.Empty);

        foreach (var job in prepared.Jobs)
        {
            var list = generator.Cheapest(job, 3);
            var feasible = job.EligiblePools().Where(p => prepared.Empty.FitsResources(job, p) && prepared.Empty.FitsBudget(job, job.Cost(p))).ToList();
            var listed = Enumerable.Range(0, list.Count).Select(i => list.Pools[i]).ToList();

            Assert.All(Enumerable.Range(0, list.Count), i => Assert.Equal(job.Cost(list.Pools[i]), list.Exact(i)));
            Assert.All(listed, p => Assert.Contains(p, feasible));
            var unlisted = feasible.Except(listed).ToList();
            Assert.All(unlisted, p => Assert.True(job.Cost(p) >= list.Floor, $"{job.Job.Id}: unlisted {index.Pools[p].Pool.Name} costs {job.Cost(p)}, below the floor {list.Floor}"));
            if (list.Count > 0 && unlisted.Count > 0)
            {
                // Up to rounding, nothing left out is cheaper than the dearest listed.
                Assert.True(unlisted.Min(job.Cost) >= listed.Max(job.Cost) - 0.00001m, $"{job.Job.Id}: a cheaper pool was left out");
            }
            Assert.True(list.Count == Math.Min(3, feasible.Count), $"{job.Job.Id}: listed {list.Count} of {feasible.Count}");
        }
    }

    /// <summary>
    /// Random instances never block pools, read data, checkpoint, publish egress rates or spot bands; these do, so
    /// those paths are compared too.
    /// </summary>
    private static readonly Taint[] Taints =
    [
        Taint.NvidiaGpu,
        new("dedicated", "ml", TaintEffect.NoExecute),
        new("dedicated", "batch", TaintEffect.NoSchedule),
        new("spot", "", TaintEffect.PreferNoSchedule),
    ];

    private static readonly Toleration[] Tolerations =
    [
        Toleration.NvidiaGpu,
        new("dedicated", TolerationOperator.Equal, "ml", null),
        new("dedicated", TolerationOperator.Exists, "", TaintEffect.NoSchedule),
        new("", TolerationOperator.Exists, "", null),
    ];

    private static PlacementProblem WithBlockedPoolsAndData(PlacementProblem problem, int seed)
    {
        var random = new Random(seed);
        var regions = problem.Fleet.Clusters.Select(c => c.Region).Distinct().Append(new RegionId(Cloud.Aws, "ap-south-1")).ToList();
        var jobs = problem.Jobs.Select(job =>
        {
            var blocked = problem.Fleet.Pools.Where(_ => random.Next(6) == 0).Select(p => p.Name).ToHashSet();
            var spec = random.Next(2) == 0
                ? job.Spec with { Data = new DataLocation(regions[random.Next(regions.Count)], random.Next(1, 3000)) }
                : job.Spec;
            spec = random.Next(3) == 0 ? spec with { CheckpointInterval = TimeSpan.FromMinutes(random.Next(1, 300)) } : spec;
            spec = random.Next(3) == 0 ? spec with { Tolerations = [Tolerations[random.Next(Tolerations.Length)]] } : spec;
            return job with { Spec = spec, BlockedPools = blocked };
        }).ToList();
        var pools = problem.Fleet.Pools
            .Select(p => random.Next(3) == 0 ? p with { Taints = [Taints[random.Next(Taints.Length)]] } : p)
            .ToList();
        var egress = new Dictionary<(RegionId, RegionId), Money>();
        foreach (var from in regions)
        {
            foreach (var to in regions.Where(_ => random.Next(2) == 0))
            {
                egress[(from, to)] = Money.Of(random.Next(0, 200) / 1000m);
            }
        }
        var bands = problem.Fleet.Pools.Select(p => problem.Fleet.ClusterOf(p)).Distinct()
            .SelectMany(c => problem.Fleet.Pools.Where(p => p.Cluster == c.Name).Select(p => (c.Cloud, c.Region.Name, p.InstanceType.Name)))
            .Distinct()
            .Where(_ => random.Next(2) == 0)
            .ToDictionary(k => k, _ => random.Next(0, 5));
        var prices = new PriceBook(problem.Prices.Version, problem.Prices.Prices, egress, bands);
        return problem with { Jobs = jobs, Prices = prices, Fleet = new Core.Fleet(problem.Fleet.Clusters, pools) };
    }
}
