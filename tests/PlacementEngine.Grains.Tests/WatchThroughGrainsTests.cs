using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains.Tests;

public sealed class WatchThroughGrainsTests : GrainClusterTests
{
    /// <summary>
    /// The scheduler's, the cluster's and the executor's writes each reach the watch through the job's grain: the
    /// snapshot's history and the events together are the stored history, each transition once, in order.
    /// </summary>
    [Fact]
    public async Task Watch_ThroughTheJobGrain_SeesEveryTransitionOnce()
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var job = await Grains.SubmitAsync();
        await using var watch = Grains.Jobs.WatchAsync(job.Id, safety.Token).GetAsyncEnumerator(safety.Token);
        Assert.True(await watch.MoveNextAsync());
        var seen = watch.Current.History!.ToList();

        await Grains.Scheduler.RunCycleAsync();
        await Grains.ClusterGrain.DispatchAsync();
        var attempt = (await Grains.StoredAsync(job.Id)).Attempt;
        Grains.Executor.Report(new ExecutionUpdate(job.Id, attempt, ExecutionPhase.Running, "started"));
        Grains.Executor.Report(new ExecutionUpdate(job.Id, attempt, ExecutionPhase.Succeeded, "exit 0"));

        var last = watch.Current.Job;
        while (await watch.MoveNextAsync())
        {
            seen.Add(watch.Current.Transition!);
            last = watch.Current.Job;
        }

        var stored = await Grains.Store.GetTransitionsAsync(job.Id, default);
        Assert.Equal(stored.Select(t => t.To), seen.Select(t => t.To));
        Assert.Equal(
            [JobState.Pending, JobState.Placed, JobState.Dispatched, JobState.Running, JobState.Succeeded],
            seen.Select(t => t.To));
        Assert.Equal(JobState.Succeeded, last.State);
    }
}
