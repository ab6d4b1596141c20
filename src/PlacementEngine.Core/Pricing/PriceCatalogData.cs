namespace PlacementEngine.Core;

/// <summary>One hourly price: a node of an instance type in a region at a capacity type.</summary>
public sealed record PriceEntry(PriceKey Key, Money Hourly);

/// <summary>Dollars per GB moved from one region to another.</summary>
public sealed record EgressEntry(RegionId From, RegionId To, Money PerGb);

/// <summary>A spot interruption band (see <see cref="SpotInterruptionBand"/>) for an instance type in a region.</summary>
public sealed record SpotBandEntry(Cloud Cloud, string Region, string InstanceType, int Band);

/// <summary>What a price import brings: prices, egress rates and spot bands, before any admin override.</summary>
public sealed record PriceCatalogData(
    IReadOnlyList<PriceEntry> Prices,
    IReadOnlyList<EgressEntry> Egress,
    IReadOnlyList<SpotBandEntry> SpotBands)
{
    public static PriceCatalogData Empty { get; } = new([], [], []);
}
