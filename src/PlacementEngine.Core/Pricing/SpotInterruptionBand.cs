namespace PlacementEngine.Core;

/// <summary>
/// AWS Spot Instance Advisor's interruption-frequency bands (share of instances reclaimed in a month):
/// 0 "&lt;5%", 1 "5-10%", 2 "10-15%", 3 "15-20%", 4 "&gt;20%".
/// </summary>
public static class SpotInterruptionBand
{
    /// <summary>Used where a cloud publishes no band (GCP, Azure): the middle band, neither optimistic nor punitive.</summary>
    public const int DefaultBand = 2;

    // The midpoint of each band; ">20%" is taken as 25%.
    private static readonly decimal[] MonthlyShare = [0.025m, 0.075m, 0.125m, 0.175m, 0.25m];

    private const decimal HoursPerMonth = 730m;

    /// <summary>Expected reclaims per node-hour for a band: the monthly share spread evenly over the month.</summary>
    public static decimal InterruptionsPerNodeHour(int band) =>
        MonthlyShare[Math.Clamp(band, 0, MonthlyShare.Length - 1)] / HoursPerMonth;
}
