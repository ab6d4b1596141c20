using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>What-if plans and explanations on the calling silo; see <see cref="IPlanWorkerGrain"/>.</summary>
[StatelessWorker]
internal sealed class PlanWorkerGrain(PlanOperations plans, JobOperations jobs) : Grain, IPlanWorkerGrain
{
    public async Task<Immutable<PlanResult>> PlanAsync(Immutable<IReadOnlyList<JobSpecDraft>> drafts, string team) =>
        (await plans.PlanAsync(drafts.Value, team, CancellationToken.None).ConfigureAwait(true)).AsImmutable();

    public async Task<Immutable<JobExplanation?>> ExplainAsync(string jobId) =>
        new(await jobs.ExplainAsync(new JobId(jobId), CancellationToken.None).ConfigureAwait(true));
}
