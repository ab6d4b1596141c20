using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class SimulatedExecutorTests
{
    private static DispatchRequest Request(double hours)
    {
        var fleet = Fleets.Make().Cluster("sim", "gcp:us-central1").Pool("g2-standard-8", "L4", 1, CapacityType.Spot, 0.3m, 2).Fleet();
        return new DispatchRequest(new JobId("j1"), 1, "team-a", JobSpecs.Gpu("t", 1).Hours(hours).Obj(), fleet.Clusters[0], fleet.Pools[0], 1);
    }

    [Fact]
    public async Task Dispatch_ScaledTime_RunsFastButReportsTheSimulatedHoursRun()
    {
        var time = new FakeTimeProvider();
        using var executor = new SimulatedExecutor("sim", new SimulatedExecutorOptions { TimeScale = 3600, StartupDelay = TimeSpan.FromSeconds(36) }, time);

        var outcome = await executor.DispatchAsync(Request(hours: 2), default);
        // In two steps: the fake clock fires a timer at the time advanced to, not at its due time.
        time.Advance(TimeSpan.FromMilliseconds(10)); // 0.01 s start-up
        time.Advance(TimeSpan.FromSeconds(2)); // 2 s for two simulated hours

        Assert.True(outcome.Accepted);
        Assert.Equal("pe-j1-a1", outcome.ResourceName);
        Assert.True(executor.TryReadUpdate(out var running));
        Assert.Equal(ExecutionPhase.Running, running.Phase);
        Assert.True(executor.TryReadUpdate(out var done));
        Assert.Equal(ExecutionPhase.Succeeded, done.Phase);
        Assert.Equal(TimeSpan.FromHours(2), done.RanFor);
        Assert.True(executor.IsSimulated);
    }

    [Fact]
    public async Task Dispatch_SameAttemptTwice_IsIdempotentAndRunsOnce()
    {
        var time = new FakeTimeProvider();
        using var executor = new SimulatedExecutor("sim", new SimulatedExecutorOptions(), time);

        await executor.DispatchAsync(Request(hours: 1), default);
        await executor.DispatchAsync(Request(hours: 1), default);
        time.Advance(TimeSpan.FromHours(2));

        var phases = new List<ExecutionPhase>();
        while (executor.TryReadUpdate(out var update))
        {
            phases.Add(update.Phase);
        }
        Assert.Equal([ExecutionPhase.Running, ExecutionPhase.Succeeded], phases);
    }

    [Fact]
    public async Task Cancel_StopsTheAttempt_NoFurtherPhases()
    {
        var time = new FakeTimeProvider();
        using var executor = new SimulatedExecutor("sim", new SimulatedExecutorOptions(), time);
        await executor.DispatchAsync(Request(hours: 1), default);

        await executor.CancelAsync(new JobId("j1"), 1, default);
        time.Advance(TimeSpan.FromHours(2));

        Assert.False(executor.TryReadUpdate(out _));
    }
}
