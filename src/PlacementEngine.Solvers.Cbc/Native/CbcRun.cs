namespace PlacementEngine.Solvers.Cbc;

/// <summary>What one CBC solve returned, in CBC's own terms.</summary>
/// <param name="Solution">Column values of the best solution found; null when CBC found none.</param>
/// <param name="BestPossible">CBC's bound on the objective (constant included); null when it has none.</param>
internal sealed record CbcRun(double[]? Solution, CbcStatus Status, double? BestPossible)
{
    /// <summary>A model without columns: placing nothing is its only solution, so it is optimal; the relaxation bound is exact.</summary>
    public static CbcRun Empty { get; } = new([], CbcStatus.Optimal, BestPossible: null);
}
