using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// What the API does with jobs. <see cref="JobOperations"/> does it in this process; a silo's implementation sends the
/// writes to the job's grain, so that one owner writes each job and watchers on any silo hear of every change.
/// </summary>
public interface IJobOperations
{
    Task<SubmitResult> SubmitAsync(JobSpecDraft draft, string idempotencyKey, CancellationToken ct);

    Task<Job?> GetAsync(JobId id, CancellationToken ct);

    Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken ct);

    Task<JobPage> ListAsync(JobQuery query, CancellationToken ct);

    Task<CancelResult> CancelAsync(JobId id, string reason, CancellationToken ct);

    /// <summary>The job now with its history, then every change until it ends.</summary>
    IAsyncEnumerable<JobChange> WatchAsync(JobId id, CancellationToken ct);

    Task<JobExplanation?> ExplainAsync(JobId id, CancellationToken ct);
}

/// <summary>What-if planning as the API asks for it; see <see cref="PlanOperations"/>.</summary>
public interface IPlanOperations
{
    /// <param name="team">The team of every draft that names none.</param>
    Task<PlanResult> PlanAsync(IReadOnlyList<JobSpecDraft> drafts, string team, CancellationToken ct);
}
