using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>A pool before its capacity is known: where it is, which catalog offer it runs, at which capacity type and price.</summary>
internal sealed record PoolDraft(ClusterDraft Cluster, CatalogOffer Offer, CapacityType Capacity, Money Price)
{
    public string Name => $"{Cluster.Name}/{Offer.Type.Name}/{Capacity.ToWire()}";

    public decimal PricePerGpu => Price.Dollars / Offer.Type.GpusPerNode;
}

/// <summary>A cluster being drawn: one region, a name, its pools.</summary>
internal sealed class ClusterDraft(string name, RegionId region, Jurisdiction jurisdiction)
{
    public string Name { get; } = name;

    public RegionId Region { get; } = region;

    public Jurisdiction Jurisdiction { get; } = jurisdiction;

    public List<PoolDraft> Pools { get; } = [];
}
