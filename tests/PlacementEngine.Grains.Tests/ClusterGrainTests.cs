using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains.Tests;

public sealed class ClusterGrainTests : GrainClusterTests
{
    [Fact]
    public async Task Dispatch_PlacedJob_HandsItToTheExecutorOnceHowEverOftenWoken()
    {
        var job = await Grains.DispatchedJobAsync();

        await Grains.ClusterGrain.DispatchAsync();

        Assert.Equal(JobState.Dispatched, (await Grains.StoredAsync(job.Id)).State);
        Assert.Single(Grains.Executor.Dispatched, d => d.Job == job.Id);
    }

    [Fact]
    public async Task Cancel_DispatchedJob_StopsItsAttemptThroughTheClusterGrain()
    {
        var job = await Grains.DispatchedJobAsync();

        var result = await Grains.Jobs.CancelAsync(job.Id, "not needed", default);

        Assert.Equal(CancelStatus.Cancelled, result.Status);
        Assert.Equal(JobState.Cancelled, (await Grains.StoredAsync(job.Id)).State);
        Assert.Contains((job.Id, job.Attempt), Grains.Executor.Cancelled);
    }

    [Fact]
    public async Task Cancel_JobNeverHandedOver_TouchesNoExecutor()
    {
        // No pool has an H100: the job is never placed, whenever the woken cycle runs.
        var submitted = await Grains.Jobs.SubmitAsync(GrainCluster.Draft() with { GpuModels = ["H100"] }, "", default);

        var result = await Grains.Jobs.CancelAsync(submitted.Job!.Id, "", default);

        Assert.Equal(CancelStatus.Cancelled, result.Status);
        Assert.Empty(Grains.Executor.Cancelled);
    }

    /// <summary>A cluster taken out of the fleet file keeps no reminder that would wake its grain every minute.</summary>
    [Fact]
    public async Task ClusterNoLongerInTheFleet_ItsKeepAliveReminderIsRemoved()
    {
        var gone = Grains.Grains.GetGrain<IClusterGrain>("removed-cluster");
        var reminders = Grains.Services.GetRequiredService<IReminderTable>();
        await reminders.UpsertRow(new ReminderEntry
        {
            GrainId = gone.GetGrainId(),
            ReminderName = KeepAlive.ReminderName,
            StartAt = DateTime.UtcNow.AddMinutes(5),
            Period = KeepAlive.Period,
        });

        await gone.WakeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await reminders.ReadRow(gone.GetGrainId(), KeepAlive.ReminderName) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the removed cluster's reminder is still registered");
            await Task.Delay(50);
        }
    }

    /// <summary>A new owner of the cluster (after its silo died, say) hands the attempts already out there to the executor again.</summary>
    [Fact]
    public async Task NewActivation_AdoptsTheClustersDispatchedJobs()
    {
        var job = await Grains.DispatchedJobAsync();
        var attempt = job.Attempt;
        Assert.Single(Grains.Executor.Dispatched);

        await Grains.Cluster.DeactivateAsync(Grains.ClusterGrain);
        await Grains.ClusterGrain.DispatchAsync();

        Assert.Equal([(job.Id, attempt), (job.Id, attempt)], Grains.Executor.Dispatched);
        Assert.Equal(JobState.Dispatched, (await Grains.StoredAsync(job.Id)).State);
    }

    /// <summary>A cluster grain gone with its silo comes back on the scheduler's next cycle, not its minute-long reminder.</summary>
    [Fact]
    public async Task Deactivated_NextSchedulingCycle_ReactivatesItAndItAdoptsTheClustersJobs()
    {
        var job = await Grains.DispatchedJobAsync();
        await Grains.Cluster.DeactivateAsync(Grains.ClusterGrain);

        await Grains.Scheduler.RunCycleAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Grains.Executor.Dispatched.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal([(job.Id, job.Attempt), (job.Id, job.Attempt)], Grains.Executor.Dispatched);
    }
}
