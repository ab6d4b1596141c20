using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Conformance.Jobs;

/// <summary>
/// What every <see cref="IJobStore"/> must do, whatever database is behind it. An implementation's test class
/// derives from this (or from its durable variant), says how to make an empty store, and cleans up after itself.
/// Times are whole milliseconds, the finest precision every supported database keeps.
/// </summary>
public abstract partial class JobStoreConformanceTests
{
    private int _jobCount;

    protected FakeTimeProvider Clock { get; } = new();

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>A new store holding no jobs.</summary>
    protected abstract Task<IJobStore> CreateStoreAsync();

    /// <summary>A new Pending job, one second after the previous one unless <paramref name="sameTick"/>.</summary>
    protected Job NewJob(JobSpec? spec = null, string? key = null, bool sameTick = false)
    {
        var n = Interlocked.Increment(ref _jobCount);
        if (!sameTick)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return Job.New(new JobId($"job-{n:0000}"), spec ?? JobSpecs.Gpu($"train-{n}", 8, "A100").Obj(), key ?? $"key-{n}", Clock.GetUtcNow());
    }

    protected async Task<Job> SubmitAsync(IJobStore store, Job job)
    {
        var outcome = await store.SubmitAsync(job, Fingerprint(job.Spec), None);
        Assert.Equal(SubmitStatus.Created, outcome.Status);
        return job;
    }

    protected Task<Job> SubmitNewAsync(IJobStore store, JobSpec? spec = null) => SubmitAsync(store, NewJob(spec));

    /// <summary>Stands in for the scheduler's fingerprint: equal for equal names and teams, which is all these tests vary.</summary>
    protected static string Fingerprint(JobSpec spec) => $"{spec.Team}/{spec.Name}/{spec.Workers}";

    protected async Task<Job> PlaceAsync(IJobStore store, Job job, string pool, int nodes, int poolMaxNodes, decimal compute = 10.50m)
    {
        var update = PlaceUpdate(job, pool, nodes, poolMaxNodes, compute);
        await CommitOneAsync(store, update);
        return update.Next;
    }

    protected JobUpdate PlaceUpdate(Job job, string pool, int nodes, int poolMaxNodes, decimal compute = 10.50m)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var placement = StoreTestData.PlacementOn(pool, nodes, job.Attempt + 1, compute);
        var (next, transition) = JobLifecycle.Place(job, placement, Clock.GetUtcNow());
        return new JobUpdate(next, transition, job.Version, new Reservation(pool, nodes, poolMaxNodes));
    }

    protected async Task<Job> MoveAsync(IJobStore store, Job job, JobState to, bool running = false, decimal? actualCost = null)
    {
        var update = MoveUpdate(job, to, running, actualCost);
        await CommitOneAsync(store, update);
        return update.Next;
    }

    /// <summary>A lifecycle step; <paramref name="actualCost"/> ends the current attempt with that bill.</summary>
    protected JobUpdate MoveUpdate(Job job, JobState to, bool running = false, decimal? actualCost = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var at = Clock.GetUtcNow();
        var (next, transition) = JobLifecycle.Transition(job, to, $"now {to}", at);
        var end = actualCost is { } cost ? new AttemptEnd(to.ToString(), Money.Of(cost), at) : null;
        return new JobUpdate(next, transition, job.Version, AttemptStarted: running ? at : null, AttemptEnd: end);
    }

    protected JobUpdate RequeueUpdate(Job job, string? blockPool)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var (next, transition) = JobLifecycle.Requeue(job, "queued for the next attempt", Clock.GetUtcNow(), blockPool);
        return new JobUpdate(next, transition, job.Version);
    }

    /// <summary>Place, dispatch, run and succeed, billing <paramref name="actualCost"/>.</summary>
    protected async Task<Job> RunToSuccessAsync(IJobStore store, Job job, string pool, int nodes, decimal actualCost)
    {
        var placed = await PlaceAsync(store, job, pool, nodes, poolMaxNodes: 100);
        var dispatched = await MoveAsync(store, placed, JobState.Dispatched);
        var running = await MoveAsync(store, dispatched, JobState.Running, running: true);
        return await MoveAsync(store, running, JobState.Succeeded, actualCost: actualCost);
    }

    protected static async Task CommitOneAsync(IJobStore store, JobUpdate update)
    {
        var result = await store.CommitAsync([update], None);
        Assert.Equal([update.Next.Id], result.Applied);
        Assert.Empty(result.Conflicts);
    }
}
