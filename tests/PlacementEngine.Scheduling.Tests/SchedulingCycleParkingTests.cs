using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>Jobs a cycle cannot place are set aside until capacity is freed or the fleet or prices change.</summary>
public sealed class SchedulingCycleParkingTests : IDisposable
{
    private readonly SchedulerHarness _harness = new(Fleets.Make()
        .Cluster("aws-use1", "aws:us-east-1")
            .Pool("m5.24xlarge", null, 0, CapacityType.OnDemand, 4.61m, 1));

    /// <summary>Two jobs for a one-node pool, the first older; the cycle places the first and parks the second.</summary>
    private async Task<(Job First, Job Second, CycleResult Cycle)> TwoJobsOneNodeAsync()
    {
        var first = await _harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        return (first, second, await _harness.Cycle.RunOnceAsync(default));
    }

    [Fact]
    public async Task RunOnce_JobThatFitNowhere_NotSolvedAgainButStillCountedAsWaiting()
    {
        var (_, second, first) = await TwoJobsOneNodeAsync();

        var again = await _harness.Cycle.RunOnceAsync(default);

        Assert.Equal((2, 1), (first.Considered, first.Placed));
        Assert.Equal(0, again.Considered);
        Assert.Equal(1, again.PendingByReason["capacity"]);
        Assert.Equal(JobState.Pending, (await _harness.GetAsync(second)).State);
    }

    [Fact]
    public async Task RunOnce_WhileJobsAreParked_NewSubmissionsAreStillConsidered()
    {
        await TwoJobsOneNodeAsync();

        await _harness.SubmitAsync(JobSpecs.Cpu("third", 4).Obj());
        var cycle = await _harness.Cycle.RunOnceAsync(default);

        Assert.Equal(1, cycle.Considered);
        Assert.Equal(2, cycle.PendingByReason["capacity"]);
    }

    [Fact]
    public async Task RunOnce_PlacedJobCancelled_FreedNodeGoesToTheParkedJob()
    {
        var (first, second, _) = await TwoJobsOneNodeAsync();
        await _harness.Cycle.RunOnceAsync(default);

        await _harness.Jobs.CancelAsync(first.Id, "make room", default);
        var cycle = await _harness.Cycle.RunOnceAsync(default);

        Assert.Equal((1, 1), (cycle.Considered, cycle.Placed));
        Assert.Equal(JobState.Placed, (await _harness.GetAsync(second)).State);
    }

    [Fact]
    public async Task RunOnce_ClusterHealthChanged_ParkedJobsLookedAtAgain()
    {
        await TwoJobsOneNodeAsync();

        _harness.Fleet.SetHealth("aws-use1", healthy: false);
        var cycle = await _harness.Cycle.RunOnceAsync(default);

        Assert.Equal(1, cycle.Considered);
    }

    public void Dispose() => _harness.Dispose();
}
