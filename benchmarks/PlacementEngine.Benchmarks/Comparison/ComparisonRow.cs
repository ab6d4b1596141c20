namespace PlacementEngine.Benchmarks;

/// <summary>
/// One line of the comparison. To the bound: (objective − the best lower bound any solver proved on this scenario)
/// / objective, and the same dollars over the row's placed cost (the stricter share when pending penalties dominate the
/// objective). To the exact solver: (objective − its objective) / its objective, negative when the row beats its plan.
/// The exact solver's columns keep the names they had when it ran on CBC (gap_to_cbc, cbc_proven_optimal), so that
/// scripts reading the CSV keep working.
/// </summary>
public sealed record ComparisonRow(
    string Size,
    int Seed,
    bool Contended,
    string Solver,
    int Jobs,
    int Pools,
    int Placed,
    decimal TotalExpectedCost,
    decimal Objective,
    decimal? LowerBound,
    double? GapToBound,
    double? GapToBoundOfCost,
    double? GapToExact,
    bool? ExactProvenOptimal,
    double Seconds,
    int Violations);
