using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>A lower bound on the optimal objective that is safe to publish: never above the true optimum.</summary>
internal static class ObjectiveBounds
{
    private const decimal Grid = 0.000001m;

    /// <summary>
    /// CBC's bound comes back as a double and is only as exact as CBC's tolerances: it stops improving once a better
    /// solution would gain less than 1e-5. It is lowered by more than that, plus a relative margin for the double,
    /// and rounded down to a millionth of a dollar.
    /// </summary>
    public static Money? FromCbc(double? bestPossible)
    {
        if (bestPossible is not { } bound)
        {
            return null;
        }
        var raw = (decimal)bound;
        var margin = 0.0001m + (Math.Abs(raw) * 0.000000001m);
        return Money.Of(decimal.Floor((raw - margin) / Grid) * Grid);
    }

    /// <summary>
    /// Every job alone at its cheapest column or pending, whichever costs less: ignores the joint constraints between
    /// jobs, so no plan can do better. Always available, even when CBC stops before it has a bound.
    /// </summary>
    public static Money Relaxation(PlacementProblem problem, PlacementMip mip, PlacementObjective objective)
    {
        var cheapest = mip.Columns.GroupBy(c => c.Job).ToDictionary(g => g.Key, g => g.Min(c => c.Candidate.Cost!.Total));
        return problem.Jobs.Select((job, j) => cheapest.TryGetValue(j, out var cost) ? Money.Min(cost, objective.PendingPenalty(job)) : objective.PendingPenalty(job))
            .Aggregate(Money.Zero, (sum, x) => sum + x);
    }

    /// <summary>The best of the bounds, capped at the plan's own objective, which the optimum cannot exceed.</summary>
    public static Money Combine(Money? fromCbc, Money relaxation, Money planObjective) =>
        Money.Min(Money.Max(fromCbc ?? relaxation, relaxation), planObjective);

    public static double RelativeGap(Money objective, Money lowerBound) =>
        objective.Dollars > 0 ? (double)((objective - lowerBound).Dollars / objective.Dollars) : 0;
}
