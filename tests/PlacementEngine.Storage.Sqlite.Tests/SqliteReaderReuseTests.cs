using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Sqlite.Tests;

/// <summary>Readers stay open between reads with their statements prepared: each read must still see the latest commit.</summary>
public sealed class SqliteReaderReuseTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetAsync_AfterACommit_TheKeptReaderSeesTheNewVersionAndItsTransition()
    {
        await using var store = SqliteJobStore.Open(_directory.File("placement.db"));
        var spec = JobSpecs.Cpu("reuse", 4).Obj();
        var job = Job.New(new JobId("job-reuse"), spec, "k", Now);
        await store.SubmitAsync(job, SpecFingerprint.Of(spec), default);
        Assert.Equal(JobState.Pending, (await store.GetAsync(job.Id, default))!.State);
        Assert.Single(await store.GetTransitionsAsync(job.Id, default));

        var (cancelled, transition) = JobLifecycle.Transition(job, JobState.Cancelled, "stop", Now);
        await store.CommitAsync([new JobUpdate(cancelled, transition, job.Version)], default);

        Assert.Equal(JobState.Cancelled, (await store.GetAsync(job.Id, default))!.State);
        Assert.Equal(2, (await store.GetTransitionsAsync(job.Id, default)).Count);
    }

    [Fact]
    public async Task GetAsync_ManyAtOnce_EachAnswersItsOwnJob()
    {
        await using var store = SqliteJobStore.Open(_directory.File("placement.db"));
        var jobs = new List<Job>();
        for (var i = 0; i < 40; i++)
        {
            var spec = JobSpecs.Cpu($"many-{i}", 4).Obj();
            var job = Job.New(new JobId($"job-many-{i:D2}"), spec, $"k{i}", Now);
            await store.SubmitAsync(job, SpecFingerprint.Of(spec), default);
            jobs.Add(job);
        }

        var read = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => jobs).Select(j => store.GetAsync(j.Id, default)));

        Assert.Equal(Enumerable.Range(0, 5).SelectMany(_ => jobs).Select(j => j.Id), read.Select(j => j!.Id));
    }
}
