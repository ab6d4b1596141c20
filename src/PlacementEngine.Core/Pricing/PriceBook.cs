namespace PlacementEngine.Core;

/// <summary>
/// An immutable, versioned set of prices: $/node-hour per (cloud, region, instance type, capacity type),
/// egress $/GB between regions, and spot interruption bands.
/// </summary>
public sealed class PriceBook
{
    /// <summary>Egress between two clouds or regions with no published rate: a typical internet egress tier.</summary>
    public static readonly Money DefaultInterRegionEgressPerGb = Money.Of(0.09m);

    private readonly IReadOnlyDictionary<PriceKey, Money> _hourly;
    private readonly IReadOnlyDictionary<(RegionId From, RegionId To), Money> _egress;
    private readonly IReadOnlyDictionary<(Cloud Cloud, string Region, string InstanceType), int> _spotBands;

    public PriceBook(
        long version,
        IReadOnlyDictionary<PriceKey, Money> hourly,
        IReadOnlyDictionary<(RegionId From, RegionId To), Money>? egress = null,
        IReadOnlyDictionary<(Cloud Cloud, string Region, string InstanceType), int>? spotBands = null)
    {
        Version = version;
        _hourly = hourly;
        _egress = egress ?? new Dictionary<(RegionId, RegionId), Money>();
        _spotBands = spotBands ?? new Dictionary<(Cloud, string, string), int>();
    }

    public long Version { get; }

    public int Count => _hourly.Count;

    public IReadOnlyDictionary<PriceKey, Money> Prices => _hourly;

    public bool TryGetHourly(PriceKey key, out Money price) => _hourly.TryGetValue(key, out price);

    /// <summary>Same region is free; otherwise the published rate, or the documented default.</summary>
    public Money EgressPerGb(RegionId from, RegionId to)
    {
        if (from == to)
        {
            return Money.Zero;
        }
        return _egress.TryGetValue((from, to), out var rate) ? rate : DefaultInterRegionEgressPerGb;
    }

    public int SpotBand(Cloud cloud, string region, string instanceType) =>
        _spotBands.TryGetValue((cloud, region, instanceType), out var band) ? band : SpotInterruptionBand.DefaultBand;
}
