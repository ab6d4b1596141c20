using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>Durable home of jobs, their transitions and attempts. Every write is one transaction.</summary>
public interface IJobStore
{
    /// <summary>
    /// Inserts a new Pending job unless (team, idempotency key) exists. Returns only after the write is durable.
    /// Same key with the same <paramref name="specFingerprint"/> returns the stored job; another fingerprint is a conflict.
    /// </summary>
    Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken);

    Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken);

    /// <summary>
    /// Submission order (created_at, id), or its reverse with <see cref="JobQuery.NewestFirst"/>. PageSize &lt; 1 means 100, at most 1000.
    /// Throws ArgumentException for a token this store did not issue or issued for the other order.
    /// </summary>
    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Submission order; no states means no jobs.</summary>
    Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken);

    /// <summary>Oldest first; the first entry is <see cref="StateTransition.Submitted"/>, and the n-th brought the job to version n.</summary>
    Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the updates in one transaction. An update whose job no longer has <see cref="JobUpdate.ExpectedVersion"/>,
    /// or whose reservation would take its pool past its maximum, is skipped and reported; the others are applied.
    /// </summary>
    Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Nodes held per pool by jobs that are Placed, Dispatched or Running.</summary>
    Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken);

    /// <summary>Per team: actual cost of ended attempts plus expected cost of attempts still holding capacity.</summary>
    Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken);

    /// <summary>Every state, zero where none.</summary>
    Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>Actual cost of ended attempts, summed by where they ran. Only grows.</summary>
    Task<IReadOnlyList<SpendRow>> GetSpendAsync(CancellationToken cancellationToken);
}

public enum SubmitStatus
{
    Created,
    AlreadyExists,
    KeyConflict,
}

public sealed record SubmitOutcome(SubmitStatus Status, Job? Job);

/// <param name="Team">Only this team's jobs; null for every team (admins).</param>
/// <param name="PageToken">Opaque; empty for the first page.</param>
/// <param name="NameContains">Only jobs whose name contains this text; empty for every name.</param>
/// <param name="NewestFirst">The most recently submitted first, instead of submission order.</param>
public sealed record JobQuery(
    string? Team, IReadOnlyCollection<JobState> States, int PageSize, string PageToken, string NameContains = "", bool NewestFirst = false);

public sealed record JobPage(IReadOnlyList<Job> Jobs, string NextPageToken);

/// <summary>Nodes a placement takes from a pool, with the pool's maximum so the store can refuse an over-commit.</summary>
public sealed record Reservation(string Pool, int Nodes, int PoolMaxNodes);

/// <summary>How an attempt ended: its actual cost is what it is billed for.</summary>
public sealed record AttemptEnd(string Outcome, Money ActualCost, DateTimeOffset At);

/// <summary>
/// A job's next state with the transition that leads there. <see cref="Reservation"/> starts a new attempt
/// (Placed); <see cref="AttemptEnd"/> closes the current one; <see cref="AttemptStarted"/> marks it running.
/// </summary>
public sealed record JobUpdate(
    Job Next,
    StateTransition Transition,
    long ExpectedVersion,
    Reservation? Reservation = null,
    DateTimeOffset? AttemptStarted = null,
    AttemptEnd? AttemptEnd = null);

public sealed record CommitResult(IReadOnlyList<JobId> Applied, IReadOnlyList<JobId> Conflicts);

public sealed record SpendRow(string Team, Cloud Cloud, string Region, string Cluster, CapacityType CapacityType, Money Dollars);
