using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains.Tests;

public sealed class GrainRefsTests : GrainClusterTests
{
    private GrainRefs Refs => Grains.Services.GetRequiredService<GrainRefs>();

    [Fact]
    public void Job_SameId_IsTheGrainThatKeyedGetGrainNames()
    {
        var built = Refs.Job("job-7f3a");

        Assert.Equal(Grains.Grains.GetGrain<IJobGrain>("job-7f3a").GetGrainId(), built.GetGrainId());
        Assert.NotEqual(built.GetGrainId(), Refs.Job("job-other").GetGrainId());
    }

    [Fact]
    public async Task Job_BuiltReference_ReachesTheJobsGrain()
    {
        var submitted = await Grains.Jobs.SubmitAsync(GrainCluster.Draft() with { GpuModels = ["H100"] }, "built-1", default);

        var result = (await Refs.Job(submitted.Job!.Id.Value).CancelAsync("through a built reference")).Value;

        Assert.Equal(JobState.Cancelled, result.Job!.State);
        Assert.Equal(JobState.Cancelled, (await Grains.StoredAsync(submitted.Job.Id)).State);
    }

    [Fact]
    public void SchedulerAndCluster_AreTheKeyedGrains()
    {
        Assert.Equal(Grains.Scheduler.GetGrainId(), Refs.Scheduler.GetGrainId());
        Assert.Equal(Grains.ClusterGrain.GetGrainId(), Refs.Cluster(GrainCluster.ClusterName).GetGrainId());
    }
}

/// <summary>Which silo the scheduler runs on decides whether changes are sent to it or heard directly.</summary>
public sealed class SchedulerPresenceTests() : GrainClusterTests(silos: 2)
{
    [Fact]
    public async Task AfterACycle_OnlyTheSchedulersSiloSaysItIsHere()
    {
        await Grains.Scheduler.RunCycleAsync();

        var here = Grains.Cluster.Silos.Count(s => s.ServiceProvider.GetRequiredService<SchedulerPresence>().IsHere);
        Assert.Equal(1, here);
    }

    [Fact]
    public async Task SubmittedOnEitherSilo_ReachesTheSchedulersQueueAndIsPlaced()
    {
        await Grains.Scheduler.RunCycleAsync();
        var first = await Grains.JobsOn(0).SubmitAsync(GrainCluster.Draft("on-0"), "k0", default);
        var second = await Grains.JobsOn(1).SubmitAsync(GrainCluster.Draft("on-1"), "k1", default);

        // The other silo's change reaches the scheduler as a one-way message, perhaps after the next cycle began; well
        // within the queue's minute-long reload, which would otherwise be the only way the job is seen.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        foreach (var job in new[] { first.Job!, second.Job! })
        {
            while ((await Grains.StoredAsync(job.Id)).State == JobState.Pending)
            {
                Assert.True(DateTime.UtcNow < deadline, $"job {job.Id} was never placed");
                await Grains.Scheduler.RunCycleAsync();
            }
        }
    }
}
