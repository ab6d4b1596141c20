using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Jobs;

public sealed class JobLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static Job NewJob() => Job.New(new JobId("j1"), JobSpecs.Gpu("train", 1, "T4").Obj(), "k", T0);

    public static TheoryData<JobState, JobState> LegalTransitions() => new()
    {
        { JobState.Pending, JobState.Placed },
        { JobState.Pending, JobState.Unschedulable },
        { JobState.Unschedulable, JobState.Pending },
        { JobState.Placed, JobState.Dispatched },
        { JobState.Dispatched, JobState.Running },
        { JobState.Running, JobState.Succeeded },
        { JobState.Running, JobState.Failed },
        { JobState.Running, JobState.Preempted },
        { JobState.Preempted, JobState.Pending },
        { JobState.Running, JobState.Pending },
        { JobState.Running, JobState.Cancelled },
    };

    public static TheoryData<JobState, JobState> IllegalTransitions() => new()
    {
        { JobState.Pending, JobState.Running },
        { JobState.Pending, JobState.Succeeded },
        { JobState.Placed, JobState.Running },
        { JobState.Unschedulable, JobState.Placed },
        { JobState.Succeeded, JobState.Pending },
        { JobState.Failed, JobState.Running },
        { JobState.Cancelled, JobState.Pending },
        { JobState.Preempted, JobState.Running },
    };

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Transition_Legal_BumpsVersionAndRecordsTransition(JobState from, JobState to)
    {
        var job = NewJob() with { State = from, Version = 7 };

        var (next, transition) = JobLifecycle.Transition(job, to, "because", T0.AddMinutes(1));

        Assert.Equal(to, next.State);
        Assert.Equal(8, next.Version);
        Assert.Equal("because", next.StateReason);
        Assert.Equal(new StateTransition(job.Id, from, to, "because", T0.AddMinutes(1)), transition);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Transition_Illegal_IsRefusedAndJobUnchanged(JobState from, JobState to)
    {
        var job = NewJob() with { State = from };

        var ex = Assert.Throws<IllegalTransitionException>(() => JobLifecycle.Transition(job, to, "x", T0));

        Assert.Equal(from, ex.From);
        Assert.Equal(to, ex.To);
        Assert.Equal(from, job.State);
    }

    [Fact]
    public void TerminalStates_AllowNoTransitionAtAll()
    {
        foreach (var terminal in JobStates.All.Where(s => s.IsTerminal()))
        {
            Assert.All(JobStates.All, to => Assert.False(JobLifecycle.CanTransition(terminal, to), $"{terminal} -> {to}"));
        }
    }

    [Fact]
    public void Requeue_AfterPreemption_BlocksReclaimedPoolAndClearsPlacement()
    {
        var job = NewJob() with { State = JobState.Preempted, BlockedPools = new HashSet<string> { "old" } };

        var (next, _) = JobLifecycle.Requeue(job, "reclaimed", T0, "aws-use1/p3.2xlarge/spot");

        Assert.Equal(JobState.Pending, next.State);
        Assert.Null(next.Placement);
        Assert.Equal(new HashSet<string> { "old", "aws-use1/p3.2xlarge/spot" }, next.BlockedPools.ToHashSet());
    }
}
