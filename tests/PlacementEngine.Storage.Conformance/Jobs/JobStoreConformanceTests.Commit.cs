using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Storage.Conformance.Jobs;

public abstract partial class JobStoreConformanceTests
{
    [Fact]
    public async Task CommitAsync_Placement_StoresPlacementAndEveryOtherField()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store, StoreTestData.FullSpec());

        var placed = await PlaceAsync(store, job, StoreTestData.SpotPool, nodes: 4, poolMaxNodes: 10);

        JobAssert.Same(placed, await store.GetAsync(job.Id, None));
    }

    [Fact]
    public async Task CommitAsync_PreemptedAndRequeuedInOneBatch_AppliesBothAndBlocksThePool()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store);
        var running = await MoveAsync(store, await MoveAsync(store, await PlaceAsync(store, job, StoreTestData.SpotPool, 2, 10), JobState.Dispatched), JobState.Running, running: true);
        var preempted = MoveUpdate(running, JobState.Preempted, actualCost: 3.10m);
        var requeued = RequeueUpdate(preempted.Next, blockPool: StoreTestData.SpotPool);

        var result = await store.CommitAsync([preempted, requeued], None);

        Assert.Equal([job.Id, job.Id], result.Applied);
        var stored = await store.GetAsync(job.Id, None);
        JobAssert.Same(requeued.Next, stored);
        Assert.Equal([StoreTestData.SpotPool], stored!.BlockedPools);
        Assert.Null(stored.Placement);
    }

    [Fact]
    public async Task CommitAsync_StaleVersion_SkipsThatUpdateAndAppliesTheOthers()
    {
        var store = await CreateStoreAsync();
        var stale = await SubmitNewAsync(store);
        var fresh = await SubmitNewAsync(store);
        var staleUpdate = PlaceUpdate(stale, StoreTestData.SpotPool, 1, 10) with { ExpectedVersion = stale.Version + 5 };
        var freshUpdate = PlaceUpdate(fresh, StoreTestData.SpotPool, 1, 10);

        var result = await store.CommitAsync([staleUpdate, freshUpdate], None);

        Assert.Equal([fresh.Id], result.Applied);
        Assert.Equal([stale.Id], result.Conflicts);
        JobAssert.Same(stale, await store.GetAsync(stale.Id, None));
        Assert.Single(await store.GetTransitionsAsync(stale.Id, None));
        Assert.Equal(JobState.Placed, (await store.GetAsync(fresh.Id, None))?.State);
        Assert.Equal(1, (await store.GetUsedNodesAsync(None))[StoreTestData.SpotPool]);
    }

    [Fact]
    public async Task CommitAsync_SecondWriterWithSameVersion_Conflicts()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store);
        await MoveAsync(store, job, JobState.Cancelled);

        var result = await store.CommitAsync([MoveUpdate(job, JobState.Unschedulable)], None);

        Assert.Equal([job.Id], result.Conflicts);
        Assert.Equal(JobState.Cancelled, (await store.GetAsync(job.Id, None))?.State);
    }

    [Fact]
    public async Task CommitAsync_UnknownJob_ReportsConflict()
    {
        var store = await CreateStoreAsync();
        var neverSubmitted = NewJob();

        var result = await store.CommitAsync([MoveUpdate(neverSubmitted, JobState.Cancelled)], None);

        Assert.Empty(result.Applied);
        Assert.Equal([neverSubmitted.Id], result.Conflicts);
        Assert.Null(await store.GetAsync(neverSubmitted.Id, None));
    }

    [Fact]
    public async Task CommitAsync_ReservationPastPoolMaximum_IsRefused()
    {
        var store = await CreateStoreAsync();
        await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, nodes: 6, poolMaxNodes: 8);
        var late = await SubmitNewAsync(store);

        var result = await store.CommitAsync([PlaceUpdate(late, StoreTestData.SpotPool, nodes: 3, poolMaxNodes: 8)], None);

        Assert.Equal([late.Id], result.Conflicts);
        JobAssert.Same(late, await store.GetAsync(late.Id, None));
        Assert.Equal(6, (await store.GetUsedNodesAsync(None))[StoreTestData.SpotPool]);
    }

    [Fact]
    public async Task CommitAsync_ReservationFillingPoolExactly_IsApplied()
    {
        var store = await CreateStoreAsync();
        await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, nodes: 6, poolMaxNodes: 8);

        await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, nodes: 2, poolMaxNodes: 8);

        Assert.Equal(8, (await store.GetUsedNodesAsync(None))[StoreTestData.SpotPool]);
    }

    [Fact]
    public async Task CommitAsync_TwoReservationsOverflowingTogether_RefusesTheSecond()
    {
        var store = await CreateStoreAsync();
        var first = await SubmitNewAsync(store);
        var second = await SubmitNewAsync(store);
        var elsewhere = await SubmitNewAsync(store);

        var result = await store.CommitAsync(
        [
            PlaceUpdate(first, StoreTestData.SpotPool, nodes: 5, poolMaxNodes: 8),
            PlaceUpdate(second, StoreTestData.SpotPool, nodes: 4, poolMaxNodes: 8),
            PlaceUpdate(elsewhere, StoreTestData.OnDemandPool, nodes: 4, poolMaxNodes: 8),
        ], None);

        Assert.Equal([first.Id, elsewhere.Id], result.Applied);
        Assert.Equal([second.Id], result.Conflicts);
        var used = await store.GetUsedNodesAsync(None);
        Assert.Equal(5, used[StoreTestData.SpotPool]);
        Assert.Equal(4, used[StoreTestData.OnDemandPool]);
    }

    [Fact]
    public async Task CommitAsync_CapacityFreedEarlierInTheSameBatch_CountsForLaterReservationsOfThatPool()
    {
        var store = await CreateStoreAsync();
        var holder = await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, nodes: 3, poolMaxNodes: 4);
        var small = await SubmitNewAsync(store);
        var large = await SubmitNewAsync(store);
        var tooLarge = await SubmitNewAsync(store);

        var result = await store.CommitAsync(
        [
            PlaceUpdate(small, StoreTestData.SpotPool, nodes: 1, poolMaxNodes: 4), // fills the pool: 3 + 1
            MoveUpdate(holder, JobState.Cancelled, actualCost: 0.5m),             // frees 3
            PlaceUpdate(large, StoreTestData.SpotPool, nodes: 3, poolMaxNodes: 4), // fits again: 1 + 3
            PlaceUpdate(tooLarge, StoreTestData.SpotPool, nodes: 1, poolMaxNodes: 4),
        ], None);

        Assert.Equal([small.Id, holder.Id, large.Id], result.Applied);
        Assert.Equal([tooLarge.Id], result.Conflicts);
        Assert.Equal(4, (await store.GetUsedNodesAsync(None))[StoreTestData.SpotPool]);
    }

    [Fact]
    public async Task CommitAsync_CapacityFreedByFinishedJob_CanBeReservedAgain()
    {
        var store = await CreateStoreAsync();
        await RunToSuccessAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, nodes: 8, actualCost: 1m);

        var result = await store.CommitAsync([PlaceUpdate(await SubmitNewAsync(store), StoreTestData.SpotPool, nodes: 8, poolMaxNodes: 8)], None);

        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public async Task CommitAsync_UpdateFailingMidBatch_AppliesNothing()
    {
        var store = await CreateStoreAsync();
        var good = await SubmitNewAsync(store);
        var reused = await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, 1, 10);
        reused = await MoveAsync(store, reused, JobState.Pending);
        // A bug upstream placing attempt 1 a second time: the store must not record two first attempts.
        var again = PlaceUpdate(reused with { Attempt = 0 }, StoreTestData.SpotPool, 1, 10);

        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitAsync([PlaceUpdate(good, StoreTestData.SpotPool, 1, 10), again], None));

        JobAssert.Same(good, await store.GetAsync(good.Id, None));
        Assert.Equal(JobState.Pending, (await store.GetAsync(reused.Id, None))?.State);
    }

    [Fact]
    public async Task CommitAsync_ReservationDisagreeingWithPlacement_ThrowsBeforeWriting()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store);
        var update = PlaceUpdate(job, StoreTestData.SpotPool, 2, 10) with { Reservation = new Reservation(StoreTestData.OnDemandPool, 2, 10) };

        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync([update], None));

        JobAssert.Same(job, await store.GetAsync(job.Id, None));
    }

    [Fact]
    public async Task GetTransitionsAsync_AfterLifecycle_ReturnsSubmittedThenEachTransitionOldestFirst()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store);
        var placed = PlaceUpdate(job, StoreTestData.SpotPool, 1, 10);
        await CommitOneAsync(store, placed);
        var dispatched = MoveUpdate(placed.Next, JobState.Dispatched);
        await CommitOneAsync(store, dispatched);
        var cancelled = MoveUpdate(dispatched.Next, JobState.Cancelled, actualCost: 0m);
        await CommitOneAsync(store, cancelled);

        var transitions = await store.GetTransitionsAsync(job.Id, None);

        Assert.Equal(
        [
            new StateTransition(job.Id, null, JobState.Pending, "submitted", job.CreatedAt),
            placed.Transition,
            dispatched.Transition,
            cancelled.Transition,
        ], transitions);
    }

    [Fact]
    public async Task GetTransitionsAsync_UnknownJob_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.GetTransitionsAsync(new JobId("no-such-job"), None));
    }
}
