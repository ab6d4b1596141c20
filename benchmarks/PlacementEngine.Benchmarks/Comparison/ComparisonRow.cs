namespace PlacementEngine.Benchmarks;

/// <summary>
/// One line of the comparison. To the bound: (objective − the best lower bound any solver proved on this scenario)
/// / objective, and the same dollars over the row's placed cost (the stricter share when pending penalties dominate the
/// objective). To CBC: (objective − CBC's objective) / CBC's objective, negative when the row beats CBC's plan.
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
    double? GapToCbc,
    bool? CbcProvenOptimal,
    double Seconds,
    int Violations);
