namespace PlacementEngine.Pricing;

/// <summary>
/// Upper bounds no real price comes near: the dearest GPU node in the shared catalogs is about $150 an hour and
/// egress about $0.20/GB. A larger value is a typo or a unit mistake, and accepting it could overflow cost sums.
/// </summary>
internal static class PriceLimits
{
    public const decimal MaxHourly = 100_000m;

    public const decimal MaxEgressPerGb = 100m;

    public const int MaxInstanceTypeLength = 128;
}
