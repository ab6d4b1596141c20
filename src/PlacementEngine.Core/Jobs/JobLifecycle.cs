namespace PlacementEngine.Core;

public sealed class IllegalTransitionException(JobId job, JobState from, JobState to)
    : InvalidOperationException($"job {job}: transition {from} -> {to} is not allowed")
{
    public JobState From { get; } = from;
    public JobState To { get; } = to;
}

/// <summary>The one state machine for jobs. Nothing else changes a job's state.</summary>
public static class JobLifecycle
{
    private static readonly Dictionary<JobState, JobState[]> Allowed = new()
    {
        [JobState.Pending] = [JobState.Placed, JobState.Unschedulable, JobState.Cancelled],
        // Looked at again when prices, capacity or the fleet change.
        [JobState.Unschedulable] = [JobState.Pending, JobState.Cancelled],
        // A placement whose dispatch is refused for good goes back to the queue.
        [JobState.Placed] = [JobState.Dispatched, JobState.Pending, JobState.Failed, JobState.Cancelled],
        // Short jobs may finish between two looks, so Dispatched may go straight to an end state;
        // Pending here is failover from a cluster declared down.
        [JobState.Dispatched] = [JobState.Running, JobState.Succeeded, JobState.Failed, JobState.Preempted, JobState.Pending, JobState.Cancelled],
        [JobState.Running] = [JobState.Succeeded, JobState.Failed, JobState.Preempted, JobState.Pending, JobState.Cancelled],
        [JobState.Preempted] = [JobState.Pending, JobState.Cancelled],
        [JobState.Succeeded] = [],
        [JobState.Failed] = [],
        [JobState.Cancelled] = [],
    };

    public static bool CanTransition(JobState from, JobState to) => Allowed[from].Contains(to);

    /// <summary>The job in its new state and the transition to persist with it. Throws on an illegal transition.</summary>
    public static (Job Job, StateTransition Transition) Transition(Job job, JobState to, string reason, DateTimeOffset at)
    {
        if (!CanTransition(job.State, to))
        {
            throw new IllegalTransitionException(job.Id, job.State, to);
        }
        var next = job with { State = to, StateReason = reason, Version = job.Version + 1, UpdatedAt = at };
        return (next, new StateTransition(job.Id, job.State, to, reason, at));
    }

    /// <summary>Pending -> Placed, starting a new attempt on the given placement.</summary>
    public static (Job Job, StateTransition Transition) Place(Job job, Placement placement, DateTimeOffset at)
    {
        var (next, transition) = Transition(job, JobState.Placed, $"placed on {placement.Pool} ({placement.Nodes} nodes)", at);
        return (next with { Attempt = placement.Attempt, Placement = placement }, transition);
    }

    /// <summary>Preempted -> Pending: the reclaimed pool is blocked for this job so the next attempt goes elsewhere.</summary>
    public static (Job Job, StateTransition Transition) Requeue(Job job, string reason, DateTimeOffset at, string? blockPool)
    {
        var (next, transition) = Transition(job, JobState.Pending, reason, at);
        var blocked = new HashSet<string>(job.BlockedPools, StringComparer.Ordinal);
        if (blockPool is not null)
        {
            blocked.Add(blockPool);
        }
        return (next with { Placement = null, BlockedPools = blocked }, transition);
    }
}
