using PlacementEngine.Core;
using PlacementEngine.Kubernetes.Jobs;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes.Tests.Jobs;

public sealed class AttemptPhaseTrackerTests
{
    private readonly AttemptPhaseTracker _tracker = new();

    [Fact]
    public void Changed_FirstSight_ReportsCurrentPhaseWithIdentityFromLabels()
    {
        var update = _tracker.Changed(V1Jobs.For("j9", 4).Ready(1).Obj());

        Assert.Equal(new JobId("j9"), update!.JobId);
        Assert.Equal(4, update.Attempt);
        Assert.Equal(ExecutionPhase.Running, update.Phase);
    }

    [Fact]
    public void Changed_SamePhaseAgain_ReportsNothing()
    {
        _tracker.Changed(V1Jobs.For("j1", 1).Ready(1).Obj());

        Assert.Null(_tracker.Changed(V1Jobs.For("j1", 1).Workers(2).Ready(2).Obj()));
    }

    [Fact]
    public void Changed_RunningThenNoneReady_DoesNotGoBackToPending()
    {
        _tracker.Changed(V1Jobs.For("j1", 1).Ready(1).Obj());

        Assert.Null(_tracker.Changed(V1Jobs.For("j1", 1).Ready(0).Obj()));
        Assert.Equal(ExecutionPhase.Succeeded, _tracker.Changed(V1Jobs.For("j1", 1).Condition("Complete").Obj())!.Phase);
    }

    [Fact]
    public void Changed_AfterTerminal_ReportsNothingMore()
    {
        _tracker.Changed(V1Jobs.For("j1", 1).Condition("Failed", "BackoffLimitExceeded").Obj());

        Assert.Null(_tracker.Changed(V1Jobs.For("j1", 1).Condition("Complete").Obj()));
    }

    [Fact]
    public void Changed_RecreatedUnderSameName_StartsOver()
    {
        _tracker.Changed(V1Jobs.For("j1", 1).Condition("Failed").Obj());

        var update = _tracker.Changed(V1Jobs.For("j1", 1).Uid("uid-2").Obj());

        Assert.Equal(ExecutionPhase.Pending, update!.Phase);
    }

    [Fact]
    public void Changed_WithoutPlacementLabels_IsIgnored()
    {
        Assert.Null(_tracker.Changed(V1Jobs.Unlabelled("someone-elses-job").Obj()));
    }

    [Fact]
    public void Deleted_BeforeVerdict_ReportsFailed()
    {
        var job = V1Jobs.For("j1", 1).Ready(1).Obj();
        _tracker.Changed(job);

        var update = _tracker.Deleted(job);

        Assert.Equal(ExecutionPhase.Failed, update!.Phase);
        Assert.Equal(AttemptPhaseTracker.DeletedReason, update.Reason);
    }

    [Fact]
    public void Deleted_AfterVerdict_ReportsNothing()
    {
        var job = V1Jobs.For("j1", 1).Condition("Complete").Obj();
        _tracker.Changed(job);

        Assert.Null(_tracker.Deleted(job));
    }

    [Fact]
    public void Listed_AgainWithoutAJob_ReportsItDeletedAndChangesOfTheOthers()
    {
        _tracker.Listed([V1Jobs.For("j1", 1).Obj(), V1Jobs.For("j2", 1).Obj()]);

        var updates = _tracker.Listed([V1Jobs.For("j2", 1).Ready(1).Obj()]);

        Assert.Equal(2, updates.Count);
        Assert.Contains(updates, u => u.JobId.Value == "j2" && u.Phase == ExecutionPhase.Running);
        Assert.Contains(updates, u => u.JobId.Value == "j1" && u.Phase == ExecutionPhase.Failed);
    }
}
