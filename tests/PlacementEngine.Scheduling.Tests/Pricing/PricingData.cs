using PlacementEngine.Core;

namespace PlacementEngine.Scheduling.Tests.Pricing;

internal static class PricingData
{
    public static readonly PriceKey P4dOnDemand = new(Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.OnDemand);
    public static readonly PriceKey P4dSpot = new(Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.Spot);
    public static readonly PriceKey A2OnDemand = new(Cloud.Gcp, "europe-west4", "a2-highgpu-8g", CapacityType.OnDemand);

    public static PriceCatalogData Catalog(decimal p4dOnDemand = 32.7726m) => new(
        [new(P4dOnDemand, Money.Of(p4dOnDemand)), new(P4dSpot, Money.Of(12.50m)), new(A2OnDemand, Money.Of(29.3876m))],
        [],
        [new SpotBandEntry(Cloud.Aws, "us-east-1", "p4d.24xlarge", 3)]);

    public static PriceOverride Discount(string id, decimal percent, OverrideSelector selector) =>
        new(id, selector, OverrideKind.Percentage, percent, $"{id} discount", "alice", DateTimeOffset.UnixEpoch);

    public static PriceOverride Fixed(string id, decimal hourly, OverrideSelector selector) =>
        new(id, selector, OverrideKind.Absolute, hourly, $"{id} price", "alice", DateTimeOffset.UnixEpoch);

    public static PriceBook Fallback() => new(0, new Dictionary<PriceKey, Money> { [P4dOnDemand] = Money.Of(99m) });
}
