using PlacementEngine.Core;

namespace PlacementEngine.Grpc.Services;

/// <summary>What the pricing API needs from the host besides the price books.</summary>
public sealed record PricingServiceOptions
{
    /// <summary>The regions imported prices may name: the built-in table, the fleet's on-prem regions and the shipped catalog's.</summary>
    public RegionDirectory Regions { get; init; } = RegionDirectory.Default;

    public PriceImportLimits Imports { get; init; } = new();
}
