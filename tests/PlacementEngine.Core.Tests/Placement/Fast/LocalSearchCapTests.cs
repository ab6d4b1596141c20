using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>
/// Local search makes way for a pending job whose pool has free nodes but whose cluster's GPU cap is spent by a job in
/// another of the cluster's pools: that job moves to another cluster, or leaves the cap when it is worth less.
/// </summary>
public sealed class LocalSearchCapTests
{
    private const string Cheap = "a100-cheap";
    private const string Mid = "a100-mid";
    private const string Far = "a100-far";

    // "capped" may run one node's 8 A100s at once across its two pools; "elsewhere", when there, has one dearer node.
    private static PreparedProblem Prepare(bool elsewhere, params PendingJob[] jobs)
    {
        var fleets = Fleets.Make()
            .Cluster("capped", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 8 })
            .Pool(Cheap, "A100", 8, CapacityType.OnDemand, 5m, 1)
            .Pool(Mid, "A100", 8, CapacityType.OnDemand, 10m, 1);
        if (elsewhere)
        {
            fleets.Cluster("elsewhere", "aws:us-east-2").Pool(Far, "A100", 8, CapacityType.OnDemand, 20m, 1);
        }
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money>(), new Dictionary<(string, string), int>());
        return PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
    }

    private static PendingJob Job(string id, int priority) =>
        new(new JobId(id), JobSpecs.Gpu(id, 8, "A100").Priority(priority).Obj(), new HashSet<string>(), 1);

    private static int Pool(PreparedProblem prepared, string cluster, string instanceType) =>
        prepared.Index.TryGetPoolIndex($"{cluster}/{instanceType}/{CapacityType.OnDemand.ToWire()}", out var pool) ? pool : throw new ArgumentException(instanceType);

    // The first job holds the capped cluster's A100s from its mid-priced pool; the second lists only the cheap pool.
    private static (PreparedProblem Prepared, FastSolution Searched) Searched(bool elsewhere, int holderPriority, int pendingPriority)
    {
        var prepared = Prepare(elsewhere, Job("holder", holderPriority), Job("pending", pendingPriority));
        var lists = new[]
        {
            new CandidateGenerator(prepared.Empty).Cheapest(prepared.Jobs[0], 3),
            new CandidateGenerator(prepared.Empty).Cheapest(prepared.Jobs[1], 1),
        };
        Assert.Equal(Pool(prepared, "capped", Cheap), lists[1].Pools[0]);
        var plan = new FastSolution(prepared);
        var mid = Pool(prepared, "capped", Mid);
        plan.Place(0, mid, prepared.Jobs[0].Cost(mid));
        new LocalSearch(prepared, lists).Improve(plan, 1_000, CancellationToken.None);
        return (prepared, plan);
    }

    [Fact]
    public void Improve_CapSpentByAJobInAnotherPoolOfTheCluster_MovesThatJobToAnotherCluster()
    {
        var (prepared, plan) = Searched(elsewhere: true, holderPriority: 0, pendingPriority: 0);

        Assert.Equal(Pool(prepared, "capped", Cheap), plan.PoolOf[1]);
        Assert.Equal(Pool(prepared, "elsewhere", Far), plan.PoolOf[0]);
        Assert.All(plan.Ledger.GpusLeft, left => Assert.True(left >= 0, $"a GPU cap is overrun by {-left}"));
    }

    [Fact]
    public void Improve_CapSpentByALesserJobWithNowhereElse_EvictsItForTheWorthierOne()
    {
        // No other cluster: the holder cannot move out, and it is worth less than the pending job.
        var (prepared, plan) = Searched(elsewhere: false, holderPriority: 0, pendingPriority: 3);

        Assert.Equal(Pool(prepared, "capped", Cheap), plan.PoolOf[1]);
        Assert.False(plan.IsPlaced(0));
        Assert.All(plan.Ledger.GpusLeft, left => Assert.True(left >= 0, $"a GPU cap is overrun by {-left}"));
    }
}
