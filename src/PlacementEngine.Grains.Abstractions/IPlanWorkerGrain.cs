using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>What-if plans and explanations, off the cycle's path: a stateless worker on the calling silo, so a plan never waits behind the cycle.</summary>
[Alias("placement.plan-worker")]
public interface IPlanWorkerGrain : IGrainWithIntegerKey
{
    [Alias("plan")]
    Task<Immutable<PlanResult>> PlanAsync(Immutable<IReadOnlyList<JobSpecDraft>> drafts, string team);

    [Alias("explain")]
    Task<Immutable<JobExplanation?>> ExplainAsync(string jobId);
}
