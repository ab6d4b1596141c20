using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>The fast solver's path for one job between cycles: the fleet index is built once per snapshot, each job is solved on it.</summary>
public sealed class FastSingleJobPlacer : ISingleJobPlacer
{
    private readonly FastSolver _solver = new();
    private PlacementProblem? _snapshot;
    private FleetIndex? _index;

    public void Prepare(PlacementProblem snapshot)
    {
        _snapshot = snapshot;
        _index = FleetIndex.Build(snapshot.Fleet, snapshot.Prices);
    }

    public Assignment? Place(PendingJob job)
    {
        var snapshot = _snapshot ?? throw new InvalidOperationException("Prepare first");
        var assignments = _solver.SolveWithReport(snapshot with { Jobs = [job] }, _index!).Plan.Assignments;
        return assignments.Count > 0 ? assignments[0] : null;
    }
}
