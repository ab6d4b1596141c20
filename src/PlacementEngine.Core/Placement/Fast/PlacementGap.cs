namespace PlacementEngine.Core;

/// <summary>Gaps between a plan and a proven lower bound, as shares. Zero when the bound meets the objective.</summary>
public static class PlacementGap
{
    /// <summary>(objective - bound) / objective; 0 when the objective is 0.</summary>
    public static double Relative(Money objective, Money lowerBound) =>
        objective.Dollars <= 0m ? 0d : (double)(Math.Max(0m, objective.Dollars - lowerBound.Dollars) / objective.Dollars);

    /// <summary>(objective - bound) / placed cost: the absolute gap in dollars as a share of what the plan spends.</summary>
    public static double AgainstCost(PlacementPlan plan, Money objective, Money lowerBound)
    {
        var gap = Math.Max(0m, objective.Dollars - lowerBound.Dollars);
        var cost = plan.TotalCost.Dollars;
        if (gap == 0m)
        {
            return 0d;
        }
        return cost <= 0m ? double.PositiveInfinity : (double)(gap / cost);
    }

    /// <summary>The gap of a plan carrying its own lower bound, under the problem's shared objective.</summary>
    public static double Of(PlacementPlan plan, PlacementObjective objective) =>
        plan.LowerBound is { } bound ? Relative(objective.Evaluate(plan), bound) : double.NaN;
}
