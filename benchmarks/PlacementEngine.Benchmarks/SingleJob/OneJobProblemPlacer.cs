using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>
/// The placer any solver offers: solve the snapshot with the one job as the whole queue. Solvers with a dedicated
/// single-job path register their own <see cref="ISingleJobPlacer"/> instead.
/// </summary>
public sealed class OneJobProblemPlacer(Func<PlacementProblem, SolverOutcome> solve) : ISingleJobPlacer
{
    private PlacementProblem? _snapshot;

    public void Prepare(PlacementProblem snapshot) => _snapshot = snapshot;

    public Assignment? Place(PendingJob job)
    {
        var snapshot = _snapshot ?? throw new InvalidOperationException("Prepare first");
        var assignments = solve(snapshot with { Jobs = [job] }).Plan.Assignments;
        return assignments.Count > 0 ? assignments[0] : null;
    }
}
