using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>
/// The API's job operations in a silo: a submission is stored by this silo, a cancel goes to the job's grain, reads
/// to the store (the system of record and the query index), plans and explanations to a stateless worker on this silo.
/// </summary>
/// <remarks>
/// A submission activates no grain: its job id is new, so no other writer can race it, and the store's UNIQUE
/// (team, idempotency key) insert already decides "created or existing". Activating a grain per submission only to
/// write one row cost a quarter of the server's CPU per SubmitJob (measured). The job's grain owns it from then on.
/// </remarks>
public sealed class GrainJobOperations(GrainRefs grains, JobOperations jobs, JobEventHub events, SiloPeers peers, IJobStore store, JobWatchOptions watch) : IJobOperations
{
    public Task<SubmitResult> SubmitAsync(JobSpecDraft draft, string idempotencyKey, CancellationToken ct) =>
        jobs.SubmitAsync(draft, idempotencyKey, ct);

    public Task<Job?> GetAsync(JobId id, CancellationToken ct) => store.GetAsync(id, ct);

    public Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken ct) => store.GetTransitionsAsync(id, ct);

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken ct) => store.ListAsync(query, ct);

    public async Task<CancelResult> CancelAsync(JobId id, string reason, CancellationToken ct) =>
        (await grains.Job(id.Value).CancelAsync(reason).WaitAsync(ct).ConfigureAwait(false)).Value;

    public IAsyncEnumerable<JobChange> WatchAsync(JobId id, CancellationToken ct) => new GrainJobWatch(grains, events, peers, store, watch).RunAsync(id, ct);

    public async Task<JobExplanation?> ExplainAsync(JobId id, CancellationToken ct) =>
        (await PlanWorker.ExplainAsync(id.Value).WaitAsync(ct).ConfigureAwait(false)).Value;

    private IPlanWorkerGrain PlanWorker => grains.Factory.GetGrain<IPlanWorkerGrain>(0);
}

/// <summary>What-if plans on this silo's stateless plan worker, never behind the scheduling cycle.</summary>
public sealed class GrainPlanOperations(IGrainFactory grains) : IPlanOperations
{
    public async Task<PlanResult> PlanAsync(IReadOnlyList<JobSpecDraft> drafts, string team, CancellationToken ct) =>
        (await grains.GetGrain<IPlanWorkerGrain>(0).PlanAsync(drafts.AsImmutable(), team).WaitAsync(ct).ConfigureAwait(false)).Value;
}

public sealed class JobWatchOptions
{
    /// <summary>
    /// How often a quiet watch renews its subscription and reads the store for changes a lost notification (a writer's
    /// silo died between commit and publish) would otherwise hide. Well within <see cref="JobGrain.WatcherLease"/>.
    /// </summary>
    public TimeSpan Renewal { get; set; } = TimeSpan.FromSeconds(30);
}
