namespace PlacementEngine.Core;

/// <summary>
/// What every solver minimises: the expected cost of the placed jobs plus, for each job left pending,
/// a penalty of (1 + priority) x <see cref="PenaltyUnit"/>. The unit exceeds the dearest placement of any job, so
/// placing a job always beats leaving it pending, and more important work is placed first; among plans
/// placing the same work, the cheapest wins.
/// </summary>
public sealed class PlacementObjective
{
    private PlacementObjective(Money penaltyUnit) => PenaltyUnit = penaltyUnit;

    public Money PenaltyUnit { get; }

    /// <summary>Derives the unit from the dearest eligible candidate among <paramref name="candidateCosts"/>.</summary>
    public static PlacementObjective For(IEnumerable<Money> candidateCosts)
    {
        var dearest = candidateCosts.DefaultIfEmpty(Money.Zero).Max();
        return new PlacementObjective(Money.Of(decimal.Ceiling(dearest.Dollars) + 1m));
    }

    public static PlacementObjective WithUnit(Money penaltyUnit) => new(penaltyUnit);

    public Money PendingPenalty(PendingJob job) => PenaltyUnit * (1 + job.Spec.Priority);

    /// <summary>The objective value of a plan: placed cost plus the penalties of the jobs it leaves pending.</summary>
    public Money Evaluate(PlacementPlan plan) =>
        plan.TotalCost + plan.Unplaced.Aggregate(Money.Zero, (sum, u) => sum + PendingPenalty(u.Job));
}
