using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains.Tests;

public sealed class WatchThroughGrainsTests : GrainClusterTests
{
    /// <summary>
    /// Follows a job on <paramref name="watcher"/> from submission to its end while the scheduler's, the cluster's and
    /// the executor's writes move it; answers every transition it saw.
    /// </summary>
    internal static async Task<List<StateTransition>> WatchToTheEndAsync(GrainCluster grains, IJobOperations watcher)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var job = await grains.SubmitAsync();
        await using var watch = watcher.WatchAsync(job.Id, safety.Token).GetAsyncEnumerator(safety.Token);
        Assert.True(await watch.MoveNextAsync());
        var seen = watch.Current.History!.ToList();

        await grains.Scheduler.RunCycleAsync();
        await grains.ClusterGrain.DispatchAsync();
        var attempt = (await grains.StoredAsync(job.Id)).Attempt;
        grains.Executor.Report(new ExecutionUpdate(job.Id, attempt, ExecutionPhase.Running, "started"));
        grains.Executor.Report(new ExecutionUpdate(job.Id, attempt, ExecutionPhase.Succeeded, "exit 0"));

        var last = watch.Current.Job;
        while (await watch.MoveNextAsync())
        {
            seen.Add(watch.Current.Transition!);
            last = watch.Current.Job;
        }
        Assert.Equal(JobState.Succeeded, last.State);
        var stored = await grains.Store.GetTransitionsAsync(job.Id, default);
        Assert.Equal(stored.Select(t => t.To), seen.Select(t => t.To));
        return seen;
    }

    /// <summary>The snapshot's history and the events together are the stored history, each transition once, in order.</summary>
    [Fact]
    public async Task Watch_ThroughTheJobGrain_SeesEveryTransitionOnce()
    {
        var seen = await WatchToTheEndAsync(Grains, Grains.Jobs);

        Assert.Equal(
            [JobState.Pending, JobState.Placed, JobState.Dispatched, JobState.Running, JobState.Succeeded],
            seen.Select(t => t.To));
    }

    /// <summary>A lone silo's changes reach its watches directly: no job grain is activated, and none is left behind.</summary>
    [Fact]
    public async Task Watch_OnALoneSilo_NeedsNoJobGrainAndEndsWithoutATrace()
    {
        await WatchToTheEndAsync(Grains, Grains.Jobs);

        Assert.Equal(0, await SubmissionTests.JobGrainActivationsAsync(Grains));
        Assert.Equal(0, Grains.Services.GetRequiredService<JobEventHub>().WatchCount);
    }

    /// <summary>
    /// Every watch ends by its caller's cancellation: waiting for the next change, it ends without an exception
    /// (one thrown through every layer of the call was a tenth of the server's time) and drops its subscription.
    /// </summary>
    [Fact]
    public async Task Watch_CancelledWhileWaiting_EndsWithoutAnExceptionAndWithoutATrace()
    {
        var job = await Grains.SubmitAsync();
        using var stop = new CancellationTokenSource();
        await using var watch = Grains.Jobs.WatchAsync(job.Id, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        var next = watch.MoveNextAsync().AsTask();

        await stop.CancelAsync();

        Assert.False(await next);
        Assert.Equal(0, Grains.Services.GetRequiredService<JobEventHub>().WatchCount);
    }

    /// <summary>A notification lost on the way (its writer's silo died after the commit) is filled in from the store.</summary>
    [Fact]
    public async Task Watch_NotificationMissing_FillsTheGapFromTheStore()
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // No pool has an H100: the cycle declares the job Unschedulable and nothing else moves it.
        var submitted = await Grains.Jobs.SubmitAsync(GrainCluster.Draft() with { GpuModels = ["H100"] }, "", default);
        var id = submitted.Job!.Id;
        await Grains.Scheduler.RunCycleAsync();
        await using var watch = Grains.Jobs.WatchAsync(id, safety.Token).GetAsyncEnumerator(safety.Token);
        Assert.True(await watch.MoveNextAsync());
        var unschedulable = watch.Current.Job;
        Assert.Equal(JobState.Unschedulable, unschedulable.State);

        // Two commits straight to the store; only the second is announced.
        var (pending, toPending) = JobLifecycle.Transition(unschedulable, JobState.Pending, "looked at again", DateTimeOffset.UtcNow);
        var (cancelled, toCancelled) = JobLifecycle.Transition(pending, JobState.Cancelled, "cancelled", DateTimeOffset.UtcNow);
        await Grains.Store.CommitAsync([new JobUpdate(pending, toPending, unschedulable.Version), new JobUpdate(cancelled, toCancelled, pending.Version)], default);
        Grains.Services.GetRequiredService<JobEventHub>().Publish(new JobChange(cancelled, toCancelled));

        var events = new List<JobChange>();
        while (await watch.MoveNextAsync())
        {
            events.Add(watch.Current);
        }
        Assert.Equal([JobState.Pending, JobState.Cancelled], events.Select(e => e.Transition!.To));
        Assert.Equal([pending.Version, cancelled.Version], events.Select(e => e.Job.Version));
    }
}

/// <summary>Two silos: a watch served by one sees the changes of a job whose grain lives on the other.</summary>
public sealed class WatchAcrossSilosTests() : GrainClusterTests(silos: 2)
{
    [Fact]
    public async Task Watch_ServedByTheOtherSilo_SeesEveryTransitionOnce()
    {
        // The job's grain starts on the second silo, where the watch subscribes (it prefers local placement); changes
        // committed on the first reach the watch only through it.
        var seen = await WatchThroughGrainsTests.WatchToTheEndAsync(Grains, Grains.JobsOn(1));

        Assert.Equal(
            [JobState.Pending, JobState.Placed, JobState.Dispatched, JobState.Running, JobState.Succeeded],
            seen.Select(t => t.To));
    }

    /// <summary>A watch that ended leaves no subscription behind for the job's grain to keep notifying.</summary>
    [Fact]
    public async Task Watch_Ended_UnsubscribesFromTheJobGrain()
    {
        await WatchThroughGrainsTests.WatchToTheEndAsync(Grains, Grains.JobsOn(1));
        var job = (await Grains.Store.ListAsync(new JobQuery(null, [], 10, ""), default)).Jobs.Single();
        var grain = Grains.Grains.GetGrain<IJobGrain>(job.Id.Value);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await grain.WatcherCountAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the ended watch is still subscribed");
            await Task.Delay(50);
        }
    }
}
