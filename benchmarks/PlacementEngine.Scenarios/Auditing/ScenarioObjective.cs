using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// The objective of <see cref="ProblemObjective.For"/> (penalty unit from the dearest eligible candidate of the
/// whole problem), found through <see cref="CandidateScan"/>: the same eligible set, so the same unit, without
/// evaluating every pool for every job (100 million evaluations on XL).
/// </summary>
public static class ScenarioObjective
{
    public static PlacementObjective For(PlacementProblem problem)
    {
        var scan = new CandidateScan(problem);
        return PlacementObjective.For(problem.Jobs.SelectMany(scan.Eligible).Select(c => c.Cost!.Total));
    }
}
