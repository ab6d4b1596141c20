using PlacementEngine.Core;

namespace PlacementEngine.Grpc.Services;

/// <summary>What the pricing API needs from the host besides the price books.</summary>
public sealed record PricingServiceOptions
{
    /// <summary>The regions imported prices may name: the built-in table, the fleet's on-prem regions and the shipped catalog's.</summary>
    public RegionDirectory Regions { get; init; } = RegionDirectory.Default;

    /// <summary>The fleet's pools as price keys, one per pool: an import may not take their prices away unless allow_unpriced_pools.</summary>
    public IReadOnlyList<PriceKey> PoolKeys { get; init; } = [];

    public PriceImportLimits Imports { get; init; } = new();
}
