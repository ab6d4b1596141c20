using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>
/// A cluster may report on an attempt before the dispatcher has recorded handing it over: the executor accepted the
/// Job, the pods started, and the watch's update arrives while the stored job still reads Placed.
/// </summary>
public sealed class DispatchRaceTests
{
    private static Fleets OnePool() => Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 0.5m, 2);

    [Fact]
    public async Task Apply_RunningReportedWhileStillPlaced_RecordsTheHandOverThenRunning()
    {
        using var harness = new SchedulerHarness(OnePool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("fast-start", 1).Hours(1).Obj());
        await harness.Cycle.RunOnceAsync(default);
        Assert.Equal(JobState.Placed, (await harness.GetAsync(job)).State);

        await harness.DispatcherOf("c").ApplyAsync(new ExecutionUpdate(job.Id, 1, ExecutionPhase.Running, "pods running"), default);
        await harness.DispatcherOf("c").DispatchPlacedAsync(default); // the dispatcher's own write comes late: a no-op

        Assert.Equal(JobState.Running, (await harness.GetAsync(job)).State);
        var states = (await harness.Store.GetTransitionsAsync(job.Id, default)).Select(t => t.To);
        Assert.Equal([JobState.Pending, JobState.Placed, JobState.Dispatched, JobState.Running], states);
    }

    [Fact]
    public async Task Apply_SucceededReportedWhileStillPlaced_EndsTheJobInsteadOfLeavingItDispatched()
    {
        using var harness = new SchedulerHarness(OnePool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("short", 1).Hours(1).Obj());
        await harness.Cycle.RunOnceAsync(default);

        await harness.DispatcherOf("c").ApplyAsync(new ExecutionUpdate(job.Id, 1, ExecutionPhase.Succeeded, "completed", RanFor: TimeSpan.FromMinutes(5)), default);

        Assert.Equal(JobState.Succeeded, (await harness.GetAsync(job)).State);
    }

    [Fact]
    public async Task Apply_ReportForAnOlderAttemptWhilePlaced_ChangesNothing()
    {
        using var harness = new SchedulerHarness(OnePool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("retry", 1).Hours(1).Obj());
        await harness.Cycle.RunOnceAsync(default);

        await harness.DispatcherOf("c").ApplyAsync(new ExecutionUpdate(job.Id, 0, ExecutionPhase.Running, "an old attempt's pods"), default);

        Assert.Equal(JobState.Placed, (await harness.GetAsync(job)).State);
    }
}
