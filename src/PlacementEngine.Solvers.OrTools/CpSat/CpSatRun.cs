namespace PlacementEngine.Solvers.OrTools;

/// <summary>What one CP-SAT solve returned, in the model's terms.</summary>
/// <param name="Solution">Which columns the best solution found takes; null when CP-SAT found none.</param>
/// <param name="Objective">That solution's objective in scaled units (constant included); null without a solution.</param>
/// <param name="Bound">CP-SAT's lower bound on the objective in scaled units (constant included); null when it has none.</param>
internal sealed record CpSatRun(bool[]? Solution, ExactStatus Status, double? Objective, double? Bound)
{
    /// <summary>A model without columns: placing nothing is its only solution, so it is optimal; the relaxation bound is exact.</summary>
    public static CpSatRun Empty { get; } = new([], ExactStatus.Optimal, Objective: null, Bound: null);
}
