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

    private static JobChange Ended(Job job) =>
        new(job with { State = JobState.Succeeded, Version = job.Version + 2 },
            new StateTransition(job.Id, JobState.Running, JobState.Succeeded, "done", T0));

    [Fact]
    public void Park_UnplacedJobs_OldestSkipsThemButCountsKeepThem()
    {
        var queue = new PendingQueue();
        var a = Pending("a", 1);
        queue.Observe(a);
        queue.Observe(Pending("b", 2));

        queue.Park([(a, "capacity")], queue.FreedCapacity);

        Assert.Equal(["b"], queue.Oldest(10).Select(j => j.Id.Value));
        Assert.Equal(2, queue.Count);
        Assert.Equal(1, queue.ParkedByReason()["capacity"]);
    }

    [Fact]
    public void Observe_AJobStopsHoldingCapacity_EveryParkedJobIsBack()
    {
        var queue = new PendingQueue();
        var a = Pending("a", 1);
        queue.Observe(a);
        queue.Park([(a, "capacity")], queue.FreedCapacity);

        queue.Observe(Ended(Pending("x", 0)));

        Assert.Equal(["a"], queue.Oldest(10).Select(j => j.Id.Value));
        Assert.Equal(0, queue.ParkedCount);
    }

    [Fact]
    public void Park_CapacityFreedSinceTheCyclesSnapshot_ParksNothing()
    {
        var queue = new PendingQueue();
        var a = Pending("a", 1);
        queue.Observe(a);
        var snapshot = queue.FreedCapacity;

        queue.Observe(Ended(Pending("x", 0)));
        queue.Park([(a, "capacity")], snapshot);

        Assert.Equal(["a"], queue.Oldest(10).Select(j => j.Id.Value));
    }

    [Fact]
    public void Observe_NewerVersionOfAParkedJob_UnparksItButAnEchoDoesNot()
    {
        var queue = new PendingQueue();
        var a = Pending("a", 1);
        var b = Pending("b", 2);
        queue.Observe(a);
        queue.Observe(b);
        queue.Park([(a, "capacity"), (b, "budget")], queue.FreedCapacity);

        queue.Observe(a with { Version = a.Version + 2, StateReason = "requeued" });
        queue.Observe(b);

        Assert.Equal(["a"], queue.Oldest(10).Select(j => j.Id.Value));
    }

    [Fact]
    public void ParkedJob_ALoadOrUnparkAll_BringsItBack()
    {
        var queue = new PendingQueue();
        var a = Pending("a", 1);
        queue.Observe(a);
        queue.Park([(a, "capacity")], queue.FreedCapacity);
        queue.UnparkAll();
        Assert.Single(queue.Oldest(10));

        queue.Park([(a, "capacity")], queue.FreedCapacity);
        queue.BeginLoad();
        queue.CompleteLoad([a]);
        Assert.Single(queue.Oldest(10));
    }

    [Fact]
    public void ParkedByReason_FollowsReparkingUnparkingAndForgetting()
    {
        var queue = new PendingQueue();
        var (a, b, c) = (Pending("a", 1), Pending("b", 2), Pending("c", 3));
        foreach (var job in new[] { a, b, c })
        {
            queue.Observe(job);
        }
        queue.Park([(a, "capacity"), (b, "capacity"), (c, "budget")], queue.FreedCapacity);

        queue.Park([(b, "budget")], queue.FreedCapacity);
        queue.Observe(c with { Version = c.Version + 1 });
        queue.Forget(a.Id);

        Assert.Equal(new Dictionary<string, int> { ["budget"] = 1 }, queue.ParkedByReason());
        Assert.Equal(["c"], queue.Oldest(10).Select(j => j.Id.Value));
        Assert.Equal(1, queue.ParkedCount);
    }
}
