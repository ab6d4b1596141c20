using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>
/// The right-hand side of a budget row. Costs are whole millionths of a dollar (the cost model rounds every term),
/// so any set of jobs costs either at most the budget rounded down to a millionth, or at least a millionth more.
/// Putting the bound halfway between keeps half a millionth of slack on both sides against binary rounding:
/// 0.1 + 0.2 within a budget of 0.3 stays feasible, and a plan a millionth over stays infeasible.
/// CBC's own feasibility tolerance can still let a row through by more than that, so plans are re-checked in
/// decimal afterwards (<see cref="PlanAssembler"/>).
/// </summary>
internal static class BudgetBound
{
    private const decimal Grid = 0.000001m;

    public static double UpperBound(Money remaining)
    {
        if (remaining.IsNegative)
        {
            return 0;
        }
        var onGrid = decimal.Floor(remaining.Dollars / Grid) * Grid;
        return (double)(onGrid + (Grid / 2));
    }
}
