namespace PlacementEngine.Core;

/// <summary>
/// Whether the subgradient's prices are worth more work once the loop ends. Their only use then is the bound: the
/// polish climbs from them and every set is bounded rigorously over every pool, which on XL took longer than the
/// loop itself. Far below the flow's bound (budget-bound instances, where the prices crawl up from zero for all their
/// iterations) that work cannot beat the bound already held; only the plan the polish builds may still help, so the
/// search polishes such prices only when local search alone leaves the plan short of the target.
///
/// Nor would more iterations or longer lists lift the bound there. L seed 6 contended: over the listed pools, one
/// sweep of coordinate ascent from the flow's prices took the rigorous bound from 243.4 to -3.3 million (a price it
/// lowers draws jobs to pools they do not list); over every pool it climbs, but stalls at 243.9 million after eight
/// sweeps of 0.8 s each, while the linear relaxation with budgets (solved apart) is 249.2 million. Budgets make a
/// job's worth depend on its pool's cost, which prices uniform over a closed set of pools cannot express.
///
/// The prices are what is missing, not the evaluator or the plans. That relaxation (249.17 million, only 6 of 10,000
/// jobs fractional, so the optimum is about there) has surcharges of up to 3,844 per dollar a team spends; at its own
/// prices <see cref="BoundEvaluator"/> gives 249.14 million, and a plan built from them (lists extended by pricing at
/// them, then the usual repairs) 253.96 million, 1.9% above. Warm-starting the subgradient from the flow's prices with
/// fitted surcharges instead ended 9.8% above the flow's bound. Fitting the surcharges apart while the subgradient
/// steps the rest (<see cref="SubgradientSearch"/>) reached 248.55 million and a plan 1.8% above it.
/// </summary>
internal static class PriceWork
{
    /// <summary>
    /// The share of the flow's bound below which the prices' best value is not worth polishing: the polish has lifted
    /// the value by about a quarter at most (XL seed 4 contended: from 0.90 to 1.15 billion, against a flow bound of 2.66).
    /// </summary>
    public const double WorthShareOfFlowBound = 0.75;

    /// <param name="bestValue">The prices' best restricted Lagrangian value; negative infinity when not yet known.</param>
    public static bool WorthPolishing(double bestValue, decimal flowBound) =>
        double.IsNegativeInfinity(bestValue) || bestValue >= WorthShareOfFlowBound * (double)flowBound;
}
