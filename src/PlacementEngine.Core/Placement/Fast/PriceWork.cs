namespace PlacementEngine.Core;

/// <summary>
/// Whether the subgradient's prices are worth more work once the loop ends. Their only use then is the bound: the
/// polish climbs from them and every set is bounded rigorously over every pool, which on XL took longer than the
/// loop itself. Far below the flow's bound (budget-bound instances, where the prices crawl up from zero for all their
/// iterations) that work cannot beat the bound already held; only the plan the polish builds may still help, so the
/// search polishes such prices only when local search alone leaves the plan short of the target.
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
