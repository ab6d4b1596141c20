namespace PlacementEngine.Core;

/// <summary>
/// The one <see cref="PlacementObjective"/> every solver and benchmark uses for a problem, so that objective values
/// and gaps of different solvers compare. The penalty unit comes from the dearest eligible candidate of the whole
/// problem: the maximum, over all pending jobs, of the expected cost of the job's most expensive pool that passes
/// <see cref="Eligibility"/> (capacity, GPU caps and budgets play no part). A problem with no eligible candidate at
/// all gets a unit of $1.
/// </summary>
public static class ProblemObjective
{
    public static PlacementObjective For(PlacementProblem problem) => For(problem, FleetIndex.Build(problem.Fleet, problem.Prices));

    /// <summary>The same objective, on an index already built for the problem's fleet and price book.</summary>
    public static PlacementObjective For(PlacementProblem problem, FleetIndex index) => PreparedProblem.Prepare(problem, index).Objective;

    /// <summary>The definition spelled out over <see cref="PlacementProblem.CandidatesFor"/>: slow, for tests and small problems.</summary>
    public static PlacementObjective ByEvaluatingEveryCandidate(PlacementProblem problem) =>
        PlacementObjective.For(problem.Jobs
            .SelectMany(problem.CandidatesFor)
            .Where(c => c.Eligible)
            .Select(c => c.Cost!.Total));
}
