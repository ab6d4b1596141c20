namespace PlacementEngine.Solvers.OrTools;

/// <summary>What one solve by a backend (CBC, CP-SAT or SCIP) returned, in the model's terms.</summary>
/// <param name="Solution">Which columns the best solution found takes; null when the backend found none.</param>
/// <param name="Objective">That solution's objective in scaled units (constant included); null without a solution.</param>
/// <param name="Bound">The backend's lower bound on the objective in scaled units (constant included); null when it has none.</param>
internal sealed record BackendRun(bool[]? Solution, ExactStatus Status, double? Objective, double? Bound)
{
    /// <summary>A model without columns: placing nothing is its only solution, so it is optimal; the relaxation bound is exact.</summary>
    public static BackendRun Empty { get; } = new([], ExactStatus.Optimal, Objective: null, Bound: null);
}
