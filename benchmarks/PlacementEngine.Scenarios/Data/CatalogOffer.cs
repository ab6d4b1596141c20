using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// One GPU node shape offered in one place with its published $/node-hour, read from one catalog row
/// (for GCP: a host VM row plus the GPU row of the same zone). A price the catalog leaves blank is null.
/// </summary>
/// <param name="Zone">The catalog's zone (AWS zone id, GCP zone); null where the catalog prices whole regions (Azure).</param>
public sealed record CatalogOffer(RegionId Region, string? Zone, InstanceType Type, Money? OnDemand, Money? Spot)
{
    public Money? PriceFor(CapacityType capacity) => capacity switch
    {
        CapacityType.Spot => Spot,
        CapacityType.OnDemand => OnDemand,
        _ => null,
    };
}
