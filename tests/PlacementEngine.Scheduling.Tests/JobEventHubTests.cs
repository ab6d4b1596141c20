using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class JobEventHubTests
{
    private static readonly Job Job = Core.Job.New(new JobId("job-1"), JobSpecs.Cpu("train", 1).Obj(), "key-1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Publish_ReachesEveryWatchOfTheJob_AndOfferedChangesQueueWithThem()
    {
        var hub = new JobEventHub();
        using var first = hub.Subscribe(Job.Id);
        using var second = hub.Subscribe(Job.Id);
        var local = new JobChange(Job with { Version = 2 }, null);
        var remote = new JobChange(Job with { Version = 3 }, null);

        hub.Publish(local);
        first.Offer(remote);

        Assert.True(first.Reader.TryRead(out var a) && a == local);
        Assert.True(first.Reader.TryRead(out var b) && b == remote);
        Assert.True(second.Reader.TryRead(out var c) && c == local);
        Assert.False(second.Reader.TryRead(out _));
    }

    [Fact]
    public void Dispose_OfTheLastWatch_LeavesNothingOfTheJobBehind()
    {
        var hub = new JobEventHub();
        var first = hub.Subscribe(Job.Id);
        var second = hub.Subscribe(Job.Id);

        first.Dispose();
        Assert.Equal(1, hub.WatchCount);
        second.Dispose();

        Assert.Equal(0, hub.WatchCount);
        hub.Publish(new JobChange(Job, null));
        Assert.True(second.Reader.Completion.IsCompleted);
    }
}
