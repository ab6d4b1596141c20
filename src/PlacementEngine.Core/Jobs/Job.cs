namespace PlacementEngine.Core;

/// <summary>
/// A job as stored. <see cref="Version"/> increases with every transition and guards concurrent writers;
/// only <see cref="JobLifecycle"/> produces a job in a new state.
/// </summary>
public sealed record Job(
    JobId Id,
    JobSpec Spec,
    string IdempotencyKey,
    JobState State,
    string StateReason,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Attempt,
    Placement? Placement,
    IReadOnlySet<string> BlockedPools)
{
    public static Job New(JobId id, JobSpec spec, string idempotencyKey, DateTimeOffset now) =>
        new(id, spec, idempotencyKey, JobState.Pending, "submitted", 1, now, now, 0, null, new HashSet<string>());

    public string Team => Spec.Team;
}

/// <param name="From">Null for the first entry, the job's submission: it had no state before.</param>
public sealed record StateTransition(JobId JobId, JobState? From, JobState To, string Reason, DateTimeOffset At)
{
    /// <summary>The history's first entry: the job came into being in its first state.</summary>
    public static StateTransition Submitted(Job job) => new(job.Id, null, job.State, job.StateReason, job.CreatedAt);
}
