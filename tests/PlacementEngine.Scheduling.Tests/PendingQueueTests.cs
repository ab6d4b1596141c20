using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class PendingQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static Job Pending(string id, int minute) =>
        Job.New(new JobId(id), JobSpecs.Cpu("j" + id, 1).Obj(), "key-" + id, T0.AddMinutes(minute));

    private static Job Placed(Job job) => job with { State = JobState.Placed, Version = job.Version + 1 };

    [Fact]
    public void Oldest_JobsObservedOutOfOrder_ListedInSubmissionOrderUpToTheMax()
    {
        var queue = new PendingQueue();
        queue.Observe(Pending("c", 3));
        queue.Observe(Pending("a", 1));
        queue.Observe(Pending("b", 2));

        Assert.Equal(["a", "b"], queue.Oldest(2).Select(j => j.Id.Value));
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public void Observe_JobLeftPending_DroppedAndAnOlderVersionDoesNotBringItBack()
    {
        var queue = new PendingQueue();
        var job = Pending("a", 1);
        queue.Observe(job);

        queue.Observe(Placed(job));
        queue.Observe(job); // a late echo of the version before

        Assert.Empty(queue.Oldest(10));
    }

    [Fact]
    public void CompleteLoad_ChangesObservedDuringTheRead_WinOverTheStoresOlderRows()
    {
        var queue = new PendingQueue();
        var placedMeanwhile = Pending("a", 1);
        var submittedMeanwhile = Pending("b", 2);
        queue.BeginLoad();
        queue.Observe(Placed(placedMeanwhile));
        queue.Observe(submittedMeanwhile);

        queue.CompleteLoad([placedMeanwhile, Pending("c", 3)]); // read before either change

        Assert.Equal(["b", "c"], queue.Oldest(10).Select(j => j.Id.Value));
        Assert.True(queue.IsLoaded);
    }

    [Fact]
    public void CompleteLoad_JobGoneFromTheStore_DroppedFromTheQueue()
    {
        var queue = new PendingQueue();
        queue.Observe(Pending("a", 1));

        queue.CompleteLoad([Pending("b", 2)]);

        Assert.Equal(["b"], queue.Oldest(10).Select(j => j.Id.Value));
    }
}
