using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>A lower bound on the optimal objective that is safe to publish: never above the true optimum.</summary>
internal static class ObjectiveBounds
{
    /// <summary>
    /// Every job alone at its cheapest column or pending, whichever costs less: ignores the joint constraints between
    /// jobs, so no plan can do better. Always available, even when the solver stops before it has a bound.
    /// </summary>
    public static Money Relaxation(PlacementProblem problem, PlacementModel model, PlacementObjective objective)
    {
        var cheapest = model.Columns.GroupBy(c => c.Job).ToDictionary(g => g.Key, g => g.Min(c => c.Candidate.Cost!.Total));
        return problem.Jobs.Select((job, j) => cheapest.TryGetValue(j, out var cost) ? Money.Min(cost, objective.PendingPenalty(job)) : objective.PendingPenalty(job))
            .Aggregate(Money.Zero, (sum, x) => sum + x);
    }

    /// <summary>The best of the bounds, capped at the plan's own objective, which the optimum cannot exceed.</summary>
    public static Money Combine(Money? fromSolver, Money relaxation, Money planObjective) =>
        Money.Min(Money.Max(fromSolver ?? relaxation, relaxation), planObjective);

    public static double RelativeGap(Money objective, Money lowerBound) =>
        objective.Dollars > 0 ? (double)((objective - lowerBound).Dollars / objective.Dollars) : 0;
}
