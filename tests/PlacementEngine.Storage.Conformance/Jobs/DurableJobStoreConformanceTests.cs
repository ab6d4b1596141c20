using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Conformance.Jobs;

/// <summary>
/// The conformance suite plus what only a store that keeps its data on disk or in a server promises: everything
/// survives closing the store and opening its data again. SQLite and PostgreSQL derive from this; the in-memory
/// test store derives from <see cref="JobStoreConformanceTests"/> alone.
/// </summary>
public abstract class DurableJobStoreConformanceTests : JobStoreConformanceTests
{
    /// <summary>Closes <paramref name="store"/> and opens its data again, as a restart of the server would.</summary>
    protected abstract Task<IJobStore> ReopenStoreAsync(IJobStore store);

    [Fact]
    public async Task Reopen_AfterLifecycles_KeepsJobsTransitionsCapacityAndSpend()
    {
        var store = await CreateStoreAsync();
        var pending = await SubmitAsync(store, NewJob(StoreTestData.FullSpec(), key: "keep"));
        var placed = await PlaceAsync(store, await SubmitNewAsync(store), StoreTestData.SpotPool, 3, 10);
        var done = await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("done", 1).Team("team-a").Obj()), StoreTestData.OnDemandPool, 1, 6.40m);
        var before = await SnapshotAsync(store, pending, placed, done);

        var reopened = await ReopenStoreAsync(store);

        var after = await SnapshotAsync(reopened, pending, placed, done);
        JobAssert.Same(pending, after.Jobs[0]);
        JobAssert.Same(placed, after.Jobs[1]);
        JobAssert.Same(done, after.Jobs[2]);
        Assert.Equal(before.Transitions, after.Transitions);
        Assert.Equal(before.UsedNodes, after.UsedNodes);
        Assert.Equal(before.Charges, after.Charges);
        Assert.Equal(before.Spend, after.Spend);
        Assert.Equal(before.Counts, after.Counts);
        var retry = NewJob(pending.Spec, key: pending.IdempotencyKey);
        Assert.Equal(SubmitStatus.AlreadyExists, (await reopened.SubmitAsync(retry, Fingerprint(retry.Spec), None)).Status);
    }

    private static async Task<Snapshot> SnapshotAsync(IJobStore store, params Job[] jobs)
    {
        var stored = new List<Job?>();
        var transitions = new List<StateTransition>();
        foreach (var job in jobs)
        {
            stored.Add(await store.GetAsync(job.Id, None));
            transitions.AddRange(await store.GetTransitionsAsync(job.Id, None));
        }
        return new Snapshot(
            stored,
            transitions,
            await store.GetUsedNodesAsync(None),
            await store.GetTeamChargesAsync(None),
            await store.GetSpendAsync(None),
            await store.CountByStateAsync(None));
    }

    private sealed record Snapshot(
        List<Job?> Jobs,
        List<StateTransition> Transitions,
        IReadOnlyDictionary<string, int> UsedNodes,
        IReadOnlyDictionary<string, Money> Charges,
        IReadOnlyList<SpendRow> Spend,
        IReadOnlyDictionary<JobState, int> Counts);
}
