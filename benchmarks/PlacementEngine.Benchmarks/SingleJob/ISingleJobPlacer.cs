using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>Places one newly arrived job against a fleet snapshot, as the scheduler does between cycles.</summary>
public interface ISingleJobPlacer
{
    /// <summary>Anything built once per fleet snapshot (indexes, price tables); not timed per job.</summary>
    void Prepare(PlacementProblem snapshot);

    /// <summary>The job's placement, or null when it stays pending.</summary>
    Assignment? Place(PendingJob job);
}
