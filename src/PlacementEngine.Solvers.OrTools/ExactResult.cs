using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>An exact solver's plan with what is known about its quality.</summary>
/// <param name="Objective">The plan's exact objective: placed cost plus the penalties of the jobs left pending.</param>
/// <param name="LowerBound">A proven lower bound on the optimal objective, rounded down; also the plan's <see cref="PlacementPlan.LowerBound"/>.</param>
/// <param name="RelativeGap">(Objective − LowerBound) / Objective; 0 when the objective is 0.</param>
/// <param name="RepairedAssignments">
/// Assignments the exact decimal check removed from or added to the solver's solution (jobs a stopped search left out
/// although they fit; a budget met only after rounding, at a coarsened cost resolution). Zero on a clean optimal solve.
/// </param>
public sealed record ExactResult(
    PlacementPlan Plan,
    ExactStatus Status,
    Money Objective,
    Money LowerBound,
    double RelativeGap,
    TimeSpan Elapsed,
    ModelSize ModelSize,
    int RepairedAssignments)
{
    /// <summary>The plan is a proven optimum: the search closed and the bound meets the plan's objective.</summary>
    public bool ProvenOptimal => Status == ExactStatus.Optimal && LowerBound >= Objective;
}

/// <summary>Binary columns (eligible job-pool pairs that fit on their own) and constraint rows the solver was given.</summary>
public readonly record struct ModelSize(int Columns, int Rows);
