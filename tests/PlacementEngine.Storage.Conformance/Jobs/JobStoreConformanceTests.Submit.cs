using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Conformance.Jobs;

public abstract partial class JobStoreConformanceTests
{
    [Fact]
    public async Task SubmitAsync_NewJob_GetReturnsEveryFieldUnchanged()
    {
        var store = await CreateStoreAsync();
        var job = NewJob(StoreTestData.FullSpec());

        var outcome = await store.SubmitAsync(job, Fingerprint(job.Spec), None);

        Assert.Equal(SubmitStatus.Created, outcome.Status);
        JobAssert.Same(job, outcome.Job);
        JobAssert.Same(job, await store.GetAsync(job.Id, None));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(new JobId("no-such-job"), None));
    }

    [Fact]
    public async Task SubmitAsync_SameKeySameSpec_ReturnsStoredJobWithoutCreatingAnother()
    {
        var store = await CreateStoreAsync();
        var first = await SubmitAsync(store, NewJob(key: "nightly-42"));
        var retry = NewJob(first.Spec, key: "nightly-42");

        var outcome = await store.SubmitAsync(retry, Fingerprint(retry.Spec), None);

        Assert.Equal(SubmitStatus.AlreadyExists, outcome.Status);
        JobAssert.Same(first, outcome.Job);
        Assert.Null(await store.GetAsync(retry.Id, None));
    }

    [Fact]
    public async Task SubmitAsync_SameKeyOtherSpec_ReportsConflictAndKeepsStoredJob()
    {
        var store = await CreateStoreAsync();
        var first = await SubmitAsync(store, NewJob(key: "nightly-42"));
        var other = NewJob(JobSpecs.Gpu("something-else", 1).Obj(), key: "nightly-42");

        var outcome = await store.SubmitAsync(other, Fingerprint(other.Spec), None);

        Assert.Equal(SubmitStatus.KeyConflict, outcome.Status);
        Assert.Equal(first.Id, outcome.Job?.Id);
        Assert.Null(await store.GetAsync(other.Id, None));
    }

    [Fact]
    public async Task SubmitAsync_SameKeyOtherTeam_CreatesSecondJob()
    {
        var store = await CreateStoreAsync();
        await SubmitAsync(store, NewJob(JobSpecs.Gpu("train", 1).Team("team-a").Obj(), key: "shared"));
        var other = NewJob(JobSpecs.Gpu("train", 1).Team("team-b").Obj(), key: "shared");

        var outcome = await store.SubmitAsync(other, Fingerprint(other.Spec), None);

        Assert.Equal(SubmitStatus.Created, outcome.Status);
    }

    [Fact]
    public async Task SubmitAsync_ConcurrentRetriesOfOneKey_CreateExactlyOneJob()
    {
        var store = await CreateStoreAsync();
        var spec = JobSpecs.Gpu("train", 8).Obj();
        var attempts = Enumerable.Range(0, 16).Select(_ => NewJob(spec, key: "retried", sameTick: true)).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(job => Task.Run(() => store.SubmitAsync(job, Fingerprint(spec), None))));

        var created = Assert.Single(outcomes, o => o.Status == SubmitStatus.Created);
        Assert.All(outcomes.Where(o => o != created), o =>
        {
            Assert.Equal(SubmitStatus.AlreadyExists, o.Status);
            Assert.Equal(created.Job?.Id, o.Job?.Id);
        });
        Assert.Equal(1, (await store.CountByStateAsync(None))[JobState.Pending]);
    }

    [Fact]
    public async Task SubmitAsync_ManyConcurrentSubmissions_StoresEveryJob()
    {
        var store = await CreateStoreAsync();
        var jobs = Enumerable.Range(0, 200).Select(_ => NewJob(sameTick: true)).ToList();

        var outcomes = await Task.WhenAll(jobs.Select(job => Task.Run(() => store.SubmitAsync(job, Fingerprint(job.Spec), None))));

        Assert.All(outcomes, o => Assert.Equal(SubmitStatus.Created, o.Status));
        var stored = await store.GetByStatesAsync([JobState.Pending], None);
        Assert.Equal(jobs.Select(j => j.Id.Value).Order(StringComparer.Ordinal), stored.Select(j => j.Id.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_JobNotNew_Throws()
    {
        var store = await CreateStoreAsync();
        var job = NewJob();
        var (placed, _) = JobLifecycle.Place(job, StoreTestData.PlacementOn(StoreTestData.SpotPool, 1, 1), Clock.GetUtcNow());

        await Assert.ThrowsAsync<ArgumentException>(() => store.SubmitAsync(placed, Fingerprint(job.Spec), None));
    }
}
