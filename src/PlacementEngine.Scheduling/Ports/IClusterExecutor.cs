using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>Runs attempts of jobs on one cluster: Kubernetes for real, or the simulator.</summary>
public interface IClusterExecutor
{
    string Cluster { get; }

    /// <summary>True for the simulator: what it reports never ran anywhere.</summary>
    bool IsSimulated { get; }

    /// <summary>
    /// Starts the attempt under <see cref="DispatchNames.For"/>. Idempotent: an attempt that already exists
    /// (a retry after a crash) counts as dispatched.
    /// </summary>
    Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken);

    /// <summary>Stops the attempt and removes what it created. Succeeds when it is already gone.</summary>
    Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Follows every attempt this scheduler dispatched to the cluster and yields each change of phase,
    /// starting with the current phase of each. Runs until cancelled.
    /// </summary>
    IAsyncEnumerable<ExecutionUpdate> WatchAsync(CancellationToken cancellationToken);

    /// <summary>Whether the cluster's API answers.</summary>
    Task<bool> CheckHealthAsync(CancellationToken cancellationToken);
}

public sealed record DispatchRequest(JobId JobId, int Attempt, string Team, JobSpec Spec, Cluster Cluster, Pool Pool, int Nodes);

/// <param name="Permanent">For a refusal: true when retrying the same request cannot succeed (e.g. 422 Invalid).</param>
public sealed record DispatchOutcome(bool Accepted, string ResourceName, string? Error = null, string? ErrorCode = null, bool Permanent = false)
{
    public static DispatchOutcome Ok(string name) => new(true, name);
}

public enum ExecutionPhase
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Preempted,
}

/// <param name="At">When the cluster saw the change (e.g. a Job's startTime), if it says; costs are reckoned from it.</param>
/// <param name="RanFor">For an ended attempt, how long it ran as the cluster reckons it, when that is not wall-clock time (the simulator's scaled time).</param>
public sealed record ExecutionUpdate(JobId JobId, int Attempt, ExecutionPhase Phase, string Reason, DateTimeOffset? At = null, TimeSpan? RanFor = null);

public static class DispatchNames
{
    /// <summary>Deterministic, DNS-label safe name of an attempt's Kubernetes Job: a retry finds the same object.</summary>
    public static string For(JobId job, int attempt) => $"pe-{job.Value}-a{attempt}";
}
