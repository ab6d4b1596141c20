using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Sqlite.Tests.GroupCommit;

/// <summary>
/// Concurrent writes sharing commits: each keeps its own outcome. A <see cref="WriterPlug"/> holds the writer while
/// the writes queue, so that they certainly land in one batch.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _directory = new();

    private string DbPath => _directory.File("placement.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SubmitAsync_200ConcurrentOn50Keys_OneJobPerKeyInOneCommit()
    {
        await using var store = SqliteJobStore.Open(DbPath);
        var plug = await PlugAsync(store);
        var before = store.Database.Commits;
        var submissions = new Task<SubmitOutcome>[200];
        // From many threads at once; four submissions per key, the fourth of every fifth key with another fingerprint.
        string Fingerprint(int i) => i >= 150 && i % 5 == 0 ? "other" : "fp";
        Parallel.For(0, submissions.Length, i =>
            submissions[i] = store.SubmitAsync(NewJob($"job-{i}", $"key-{i % 50}"), Fingerprint(i), None));
        await plug.ReleaseAsync();
        var outcomes = await Task.WhenAll(submissions);

        // One commit for the plug's batch, one for all 200.
        Assert.Equal(2, store.Database.Commits - before);
        Assert.Equal(50, outcomes.Count(o => o.Status == SubmitStatus.Created));
        // Whichever submission of a key the threads queued first created its job; the others match its fingerprint or conflict.
        foreach (var key in Enumerable.Range(0, submissions.Length).GroupBy(i => i % 50))
        {
            var created = Assert.Single(key, i => outcomes[i].Status == SubmitStatus.Created);
            Assert.All(key.Where(i => i != created), i => Assert.Equal(
                Fingerprint(i) == Fingerprint(created) ? SubmitStatus.AlreadyExists : SubmitStatus.KeyConflict, outcomes[i].Status));
        }
        foreach (var key in outcomes.GroupBy(o => o.Job!.IdempotencyKey))
        {
            Assert.Single(key.Select(o => o.Job!.Id).Distinct());
        }
        Assert.Equal("50|50", Scalar("SELECT (SELECT COUNT(*) FROM jobs) || '|' || (SELECT COUNT(*) FROM transitions)"));
    }

    [Fact]
    public async Task SubmitAsync_OneBadWriteInABatch_FailsAloneAndTheOthersAreStored()
    {
        await using var store = SqliteJobStore.Open(DbPath);
        await store.SubmitAsync(NewJob("job-taken", "key-first"), "fp", None);
        var plug = await PlugAsync(store);
        var good = Enumerable.Range(0, 20).Select(i => store.SubmitAsync(NewJob($"job-{i}", $"key-{i}"), "fp", None)).ToArray();
        // A job id that is already stored under another key: the store must refuse it, not drop or overwrite.
        var clash = store.SubmitAsync(NewJob("job-taken", "key-new"), "fp", None);
        var conflict = store.SubmitAsync(NewJob("job-other", "key-3"), "another-fp", None);
        await plug.ReleaseAsync();

        await Assert.ThrowsAsync<SqliteException>(() => clash);
        Assert.All(await Task.WhenAll(good), o => Assert.Equal(SubmitStatus.Created, o.Status));
        Assert.Equal(new JobId("job-3"), (await conflict).Job!.Id);
        Assert.Equal(SubmitStatus.KeyConflict, (await conflict).Status);
        Assert.Equal("21|0", Scalar("SELECT COUNT(*) || '|' || SUM(idempotency_key = 'key-new') FROM jobs"));
    }

    [Fact]
    public async Task CommitAsync_TenPlacementsInOneBatchRacingForTenNodes_ReserveThreeOfThree()
    {
        await using var store = SqliteJobStore.Open(DbPath);
        var updates = new List<JobUpdate>();
        for (var i = 0; i < 10; i++)
        {
            var job = NewJob($"job-{i}", $"key-{i}");
            await store.SubmitAsync(job, "fp", None);
            var placement = new Placement("c", "c/p/spot", new RegionId(Cloud.Aws, "us-west-2"), "p4d.24xlarge", CapacityType.Spot, 3,
                new CostBreakdown(Money.Of(1m), 3, 1m, Money.Of(3m), Money.Zero, Money.Zero), 1);
            var (next, transition) = JobLifecycle.Place(job, placement, Now);
            updates.Add(new JobUpdate(next, transition, job.Version, new Reservation(placement.Pool, 3, 10)));
        }

        var plug = await PlugAsync(store);
        var commits = updates.Select(u => store.CommitAsync([u], None)).ToArray();
        await plug.ReleaseAsync();
        var results = await Task.WhenAll(commits);

        // Ten nodes fit three placements of three nodes; each later one in the batch sees the earlier reservations.
        Assert.Equal(3, results.Sum(r => r.Applied.Count));
        Assert.Equal(7, results.Sum(r => r.Conflicts.Count));
        Assert.Equal(9, (await store.GetUsedNodesAsync(None))["c/p/spot"]);
    }

    [Fact]
    public async Task SubmitAsync_CanceledWhileQueued_IsWithdrawnAndNotStored()
    {
        await using var store = SqliteJobStore.Open(DbPath);
        using var cancel = new CancellationTokenSource();
        var plug = await PlugAsync(store);
        var kept = store.SubmitAsync(NewJob("job-kept", "key-kept"), "fp", None);
        var withdrawn = store.SubmitAsync(NewJob("job-withdrawn", "key-withdrawn"), "fp", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        await plug.ReleaseAsync();

        Assert.Equal(SubmitStatus.Created, (await kept).Status);
        Assert.Equal("job-kept", Scalar("SELECT group_concat(id) FROM jobs"));
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedWrites_CommitsThemThenRefusesMore()
    {
        var store = SqliteJobStore.Open(DbPath);
        var plug = await PlugAsync(store);
        var queued = Enumerable.Range(0, 50).Select(i => store.SubmitAsync(NewJob($"job-{i}", $"key-{i}"), "fp", None)).ToArray();
        var disposing = store.DisposeAsync().AsTask();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SubmitAsync(NewJob("job-late", "key-late"), "fp", None));
        await plug.ReleaseAsync();
        // A hang here is the failure this test exists for; the bound only turns it into a red test.
        await disposing.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(await Task.WhenAll(queued), o => Assert.Equal(SubmitStatus.Created, o.Status));
        await using var reopened = SqliteJobStore.Open(DbPath);
        Assert.Equal(50, (await reopened.CountByStateAsync(None))[JobState.Pending]);
    }

    private static Task<WriterPlug> PlugAsync(SqliteJobStore store) => WriterPlug.InsertAsync(work => store.Database.WriteAsync(work, None));

    private static Job NewJob(string id, string key) => Job.New(new JobId(id), JobSpecs.Gpu("train", 8).Obj(), key, Now);

    private string? Scalar(string sql) => SqliteFile.Scalar(DbPath, sql);
}
