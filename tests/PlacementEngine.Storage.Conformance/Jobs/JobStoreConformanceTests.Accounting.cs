using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Conformance.Jobs;

public abstract partial class JobStoreConformanceTests
{
    [Fact]
    public async Task FullLifecycle_CapacityAndChargesFollowEachStep()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store, JobSpecs.Gpu("train", 8).Team("team-a").Obj());

        var placed = await PlaceAsync(store, job, StoreTestData.SpotPool, nodes: 2, poolMaxNodes: 10, compute: 9.000m);
        var expected = placed.Placement!.Cost.Total;
        Assert.Equal(new Dictionary<string, int> { [StoreTestData.SpotPool] = 2 }, await store.GetUsedNodesAsync(None));
        JobAssert.SameMoney(expected, (await store.GetTeamChargesAsync(None))["team-a"]);
        Assert.Empty(await store.GetSpendAsync(None));

        var running = await MoveAsync(store, await MoveAsync(store, placed, JobState.Dispatched), JobState.Running, running: true);
        Assert.Equal(2, (await store.GetUsedNodesAsync(None))[StoreTestData.SpotPool]);
        JobAssert.SameMoney(expected, (await store.GetTeamChargesAsync(None))["team-a"]);

        await MoveAsync(store, running, JobState.Succeeded, actualCost: 8.7500m);
        Assert.Empty(await store.GetUsedNodesAsync(None));
        JobAssert.SameMoney(Money.Of(8.7500m), (await store.GetTeamChargesAsync(None))["team-a"]);
        var spend = Assert.Single(await store.GetSpendAsync(None));
        Assert.Equal(new SpendRow("team-a", Cloud.Gcp, "europe-west4", StoreTestData.Cluster, CapacityType.Spot, Money.Of(8.75m)), spend);
        JobAssert.SameMoney(Money.Of(8.7500m), spend.Dollars);
    }

    [Fact]
    public async Task Preemption_ChargesEndedAttemptAndExpectedCostOfTheNext()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store, JobSpecs.Gpu("train", 8).Team("team-a").Obj());
        var running = await MoveAsync(store, await MoveAsync(store, await PlaceAsync(store, job, StoreTestData.SpotPool, 2, 10), JobState.Dispatched), JobState.Running, running: true);
        var preempted = await MoveAsync(store, running, JobState.Preempted, actualCost: 3.10m);
        var pending = RequeueUpdate(preempted, StoreTestData.SpotPool);
        await CommitOneAsync(store, pending);

        var second = await PlaceAsync(store, pending.Next, StoreTestData.OnDemandPool, 2, 10, compute: 12m);

        Assert.Equal(2, second.Attempt);
        Assert.Equal(new Dictionary<string, int> { [StoreTestData.OnDemandPool] = 2 }, await store.GetUsedNodesAsync(None));
        JobAssert.SameMoney(Money.Of(3.10m) + second.Placement!.Cost.Total, (await store.GetTeamChargesAsync(None))["team-a"]);
        Assert.Equal(Money.Of(3.10m), Assert.Single(await store.GetSpendAsync(None)).Dollars);
        JobAssert.Same(second, await store.GetAsync(job.Id, None));
    }

    [Fact]
    public async Task GetTeamChargesAsync_AttemptAbandonedWithoutEnding_ChargesNothing()
    {
        var store = await CreateStoreAsync();
        var placed = await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, 2, 10);

        await MoveAsync(store, placed, JobState.Pending);

        Assert.Equal(Money.Zero, (await store.GetTeamChargesAsync(None)).GetValueOrDefault(placed.Team));
        Assert.Empty(await store.GetUsedNodesAsync(None));
    }

    [Fact]
    public async Task GetTeamChargesAsync_EndedAndHeldAttemptsOfSeveralTeams_SumsEachTeamExactly()
    {
        var store = await CreateStoreAsync();
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a1", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.1m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a2", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.2m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("b1", 1).Team("team-b").Obj()), StoreTestData.OnDemandPool, 1, 4m);
        var held = await PlaceAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a3", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 10, compute: 5m);

        var charges = await store.GetTeamChargesAsync(None);

        // 0.1 + 0.2 summed in floating point would not be 0.3: the sum is decimal however the store keeps it.
        JobAssert.SameMoney(Money.Of(0.3m) + held.Placement!.Cost.Total, charges["team-a"]);
        JobAssert.SameMoney(Money.Of(4m), charges["team-b"]);
    }

    [Fact]
    public async Task GetSpendAsync_SeveralAttempts_SumsPerTeamAndWhereTheyRan()
    {
        var store = await CreateStoreAsync();
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a1", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 1.25m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a2", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 2.50m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a3", 1).Team("team-a").Obj()), StoreTestData.OnDemandPool, 1, 4m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("b1", 1).Team("team-b").Obj()), StoreTestData.SpotPool, 1, 0.10m);

        var spend = await store.GetSpendAsync(None);

        Assert.Equal(
            new[]
            {
                ("team-a", CapacityType.Spot, 3.75m),
                ("team-a", CapacityType.OnDemand, 4m),
                ("team-b", CapacityType.Spot, 0.10m),
            }.OrderBy(r => r.Item1).ThenBy(r => r.Item2),
            spend.Select(r => (r.Team, r.CapacityType, r.Dollars.Dollars)).OrderBy(r => r.Team).ThenBy(r => r.CapacityType));
        Assert.All(spend, r => Assert.Equal((Cloud.Gcp, "europe-west4", StoreTestData.Cluster), (r.Cloud, r.Region, r.Cluster)));
        JobAssert.SameMoney(Money.Of(3.75m), spend.Single(r => r.Team == "team-a" && r.CapacityType == CapacityType.Spot).Dollars);
    }

    [Fact]
    public async Task CountByStateAsync_JobsInSeveralStates_CountsEach()
    {
        var store = await CreateStoreAsync();
        await SubmitNewAsync(store);
        await SubmitNewAsync(store);
        await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, 1, 10);
        await MoveAsync(store, await SubmitNewAsync(store), JobState.Cancelled);

        var counts = await store.CountByStateAsync(None);

        Assert.Equal(2, counts[JobState.Pending]);
        Assert.Equal(1, counts[JobState.Placed]);
        Assert.Equal(1, counts[JobState.Cancelled]);
        Assert.All(counts.Where(c => c.Key is not (JobState.Pending or JobState.Placed or JobState.Cancelled)), c => Assert.Equal(0, c.Value));
    }
}
