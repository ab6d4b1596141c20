namespace PlacementEngine.Core;

/// <summary>
/// Where a floating-point ranking stands in for exact decimals, bounds step by a margin far wider than any rounding
/// could move them: costs round each term to a millionth of a dollar (so a floating-point cost is within a few
/// millionths of the exact one, times whatever factor multiplies it), and doubles err by about 1e-16 relative. A
/// bound stepped down this way is never above the exact one.
/// </summary>
internal static class SafeMargin
{
    private const decimal Absolute = 0.00001m;
    private const decimal Relative = 0.000000001m;

    /// <param name="costFactor">What the rounded costs inside <paramref name="value"/> were multiplied by, if anything.</param>
    public static decimal Below(decimal value, decimal costFactor = 1m) => value - Margin(value, costFactor);

    public static decimal Above(decimal value, decimal costFactor = 1m) => value + Margin(value, costFactor);

    public static decimal Below(double value, double costFactor = 1d) => Below(ToDecimal(value, Limit.Low), ToDecimal(costFactor, Limit.High));

    public static decimal Above(double value, double costFactor = 1d) => Above(ToDecimal(value, Limit.High), ToDecimal(costFactor, Limit.High));

    private static decimal Margin(decimal value, decimal costFactor) => (Absolute * Math.Max(1m, costFactor)) + (Math.Abs(value) * Relative);

    private enum Limit
    {
        Low,
        High,
    }

    // Infinite or undefined values become the far end that keeps the bound safe; money never comes near 1e20.
    private static decimal ToDecimal(double value, Limit ifUndefined) =>
        double.IsNaN(value) ? (ifUndefined == Limit.Low ? -1e20m : 1e20m) : (decimal)Math.Clamp(value, -1e20, 1e20);
}
