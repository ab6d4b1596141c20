using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grains.Tests;

/// <summary>A silo that is no longer a member of the cluster hands nothing to the executor; a member hands over as before.</summary>
public sealed class MemberOnlyExecutorTests
{
    private static readonly Fleet Fleet = GrainCluster.Fleet().Fleet();

    [Fact]
    public async Task Dispatch_OnASiloNoLongerAMember_IsRefusedForNowAndNeverReachesTheExecutor()
    {
        var inner = new RecordingExecutor(GrainCluster.ClusterName);
        var executor = new MemberOnlyExecutor(inner, _ => ValueTask.FromResult(false));

        var outcome = await executor.DispatchAsync(Request(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.False(outcome.Permanent);
        Assert.Equal(MemberOnlyExecutor.NotAMember, outcome.ErrorCode);
        Assert.Empty(inner.Dispatched);
    }

    [Fact]
    public async Task Dispatch_OnAMember_ReachesTheExecutor()
    {
        var inner = new RecordingExecutor(GrainCluster.ClusterName);
        var executor = new MemberOnlyExecutor(inner, _ => ValueTask.FromResult(true));

        var outcome = await executor.DispatchAsync(Request(), CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal([(new JobId("j1"), 1)], inner.Dispatched);
    }

    private static DispatchRequest Request() =>
        new(new JobId("j1"), 1, "ml", JobSpecs.Gpu("train", 1, "A100").Obj(), Fleet.GetCluster(GrainCluster.ClusterName), Fleet.Pools[0], 1);
}
