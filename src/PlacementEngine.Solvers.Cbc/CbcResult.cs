using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>A CBC plan with what is known about its quality.</summary>
/// <param name="Objective">The plan's exact objective: placed cost plus the penalties of the jobs left pending.</param>
/// <param name="LowerBound">A proven lower bound on the optimal objective, rounded down; also the plan's <see cref="PlacementPlan.LowerBound"/>.</param>
/// <param name="RelativeGap">(Objective − LowerBound) / Objective; 0 when the objective is 0.</param>
/// <param name="RepairedAssignments">
/// Assignments the exact decimal check removed from or added to CBC's solution (budgets met only in floating point,
/// jobs a stopped search left out although they fit). Zero on a clean optimal solve.
/// </param>
public sealed record CbcResult(
    PlacementPlan Plan,
    CbcStatus Status,
    Money Objective,
    Money LowerBound,
    double RelativeGap,
    TimeSpan Elapsed,
    CbcModelSize ModelSize,
    int RepairedAssignments)
{
    /// <summary>The plan is CBC's proven optimum, untouched by repair.</summary>
    public bool ProvenOptimal => Status == CbcStatus.Optimal && RepairedAssignments == 0;
}

/// <summary>Binary columns (eligible job-pool pairs that fit on their own) and constraint rows CBC was given.</summary>
public readonly record struct CbcModelSize(int Columns, int Rows);
