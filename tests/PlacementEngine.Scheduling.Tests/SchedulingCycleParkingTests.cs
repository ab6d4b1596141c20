using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>Jobs a cycle cannot place are set aside until capacity is freed or the fleet or prices change.</summary>
public sealed class SchedulingCycleParkingTests
{
    private static Fleets OneNode() => Fleets.Make()
        .Cluster("aws-use1", "aws:us-east-1")
            .Pool("m5.24xlarge", null, 0, CapacityType.OnDemand, 4.61m, 1);

    [Fact]
    public async Task RunOnce_JobThatFitNowhere_NotSolvedAgainButStillCountedAsWaiting()
    {
        using var harness = new SchedulerHarness(OneNode());
        await harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        var first = await harness.Cycle.RunOnceAsync(default);

        var again = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal((2, 1), (first.Considered, first.Placed));
        Assert.Equal(0, again.Considered);
        Assert.Equal(1, again.PendingByReason["capacity"]);
        Assert.Equal(JobState.Pending, (await harness.GetAsync(second)).State);
    }

    [Fact]
    public async Task RunOnce_WhileJobsAreParked_NewSubmissionsAreStillConsidered()
    {
        using var harness = new SchedulerHarness(OneNode());
        await harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        await harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        await harness.Cycle.RunOnceAsync(default);

        await harness.SubmitAsync(JobSpecs.Cpu("third", 4).Obj());
        var cycle = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal(1, cycle.Considered);
        Assert.Equal(2, cycle.PendingByReason["capacity"]);
    }

    [Fact]
    public async Task RunOnce_PlacedJobCancelled_FreedNodeGoesToTheParkedJob()
    {
        using var harness = new SchedulerHarness(OneNode());
        var first = await harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        await harness.Cycle.RunOnceAsync(default);
        await harness.Cycle.RunOnceAsync(default);

        await harness.Jobs.CancelAsync(first.Id, "make room", default);
        var cycle = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal((1, 1), (cycle.Considered, cycle.Placed));
        Assert.Equal(JobState.Placed, (await harness.GetAsync(second)).State);
    }

    [Fact]
    public async Task RunOnce_ClusterHealthChanged_ParkedJobsLookedAtAgain()
    {
        using var harness = new SchedulerHarness(OneNode());
        await harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        await harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        await harness.Cycle.RunOnceAsync(default);

        harness.Fleet.SetHealth("aws-use1", healthy: false);
        var cycle = await harness.Cycle.RunOnceAsync(default);

        Assert.Equal(1, cycle.Considered);
    }
}
