using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>The cycle works from its in-memory pending queue: bounded per cycle, reloaded from the store now and then.</summary>
public sealed class SchedulingCycleQueueTests
{
    private static Fleets RoomyFleet() => Fleets.Make()
        .Cluster("aws-use1", "aws:us-east-1")
            .Pool("m5.24xlarge", null, 0, CapacityType.OnDemand, 4.61m, 50);

    [Fact]
    public async Task RunOnce_MoreJobsThanTheCycleTakes_OldestPlacedFirstAndTheRestReportedAsBacklog()
    {
        using var harness = new SchedulerHarness(RoomyFleet(), options: new SchedulerOptions { MaxJobsPerCycle = 2 });
        var first = await harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await harness.SubmitAsync(JobSpecs.Cpu("third", 4).Obj());

        var cycle = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal((2, 2), (cycle.Considered, cycle.Placed));
        Assert.Equal(JobState.Placed, (await harness.GetAsync(first)).State);
        Assert.Equal(JobState.Placed, (await harness.GetAsync(second)).State);
        Assert.Equal(JobState.Pending, (await harness.GetAsync(third)).State);
        Assert.Equal(1, cycle.PendingByReason[SchedulingCycle.BacklogReason]);

        var next = await harness.Cycle.RunOnceAsync(default);
        Assert.Equal(1, next.Placed);
        Assert.Equal(JobState.Placed, (await harness.GetAsync(third)).State);
    }

    [Fact]
    public async Task RunOnce_JobStoredByAnotherProcess_SeenAtTheNextFullReloadNotBefore()
    {
        using var harness = new SchedulerHarness(RoomyFleet(), options: new SchedulerOptions { QueueReloadInterval = TimeSpan.FromSeconds(60) });
        await harness.Cycle.RunOnceAsync(default); // loads the (empty) queue
        var elsewhere = Job.New(new JobId("0000000000000abc"), JobSpecs.Cpu("elsewhere", 4).Obj(), "k", harness.Time.GetUtcNow());
        await harness.Store.SubmitAsync(elsewhere, "fingerprint", default); // written without this process's events

        var early = await harness.Cycle.RunOnceAsync(default);
        harness.Time.Advance(TimeSpan.FromSeconds(61));
        var later = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal(0, early.Considered);
        Assert.Equal(1, later.Placed);
        Assert.Equal(JobState.Placed, (await harness.Store.GetAsync(elsewhere.Id, default))!.State);
    }

    [Fact]
    public async Task RunOnce_QueuedJobCancelledByAnotherProcess_ConflictMakesTheQueueDropIt()
    {
        using var harness = new SchedulerHarness(RoomyFleet());
        var job = await harness.SubmitAsync(JobSpecs.Cpu("cancelled-elsewhere", 4).Obj());
        await harness.Cycle.RunOnceAsync(default); // places it: the queue is loaded and empty again
        var other = await harness.SubmitAsync(JobSpecs.Cpu("other", 4).Obj());
        var (cancelled, transition) = JobLifecycle.Transition(other, JobState.Cancelled, "cancelled elsewhere", harness.Time.GetUtcNow());
        await harness.Store.CommitAsync([new JobUpdate(cancelled, transition, other.Version)], default); // not published here

        var cycle = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal(1, cycle.Conflicts);
        Assert.Equal(0, harness.Queue.Count);
        Assert.Equal(JobState.Cancelled, (await harness.GetAsync(other)).State);
        Assert.Equal(JobState.Placed, (await harness.GetAsync(job)).State);
    }
}
