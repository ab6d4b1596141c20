using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Price books are region-level (a pool is an instance type in a region), while catalogs list zones. Each capacity
/// type takes the lowest price among the region's zones that have one: the zone a cluster there would be placed in.
/// Ties go to the row first in the file, whose line the entry keeps.
/// </summary>
internal static class ZoneCollapse
{
    public static (List<PriceEntry> Prices, List<int> Lines) ToRegions(Cloud cloud, IEnumerable<ZonalPrice> rows)
    {
        var cheapest = new Dictionary<(string Region, string InstanceType, CapacityType Capacity), (decimal Price, int Line)>();
        foreach (var row in rows)
        {
            Keep(cheapest, (row.Region, row.InstanceType, CapacityType.OnDemand), row.OnDemand, row.Line);
            Keep(cheapest, (row.Region, row.InstanceType, CapacityType.Spot), row.Spot, row.Line);
        }
        var ordered = cheapest
            .OrderBy(e => e.Key.Region, StringComparer.Ordinal)
            .ThenBy(e => e.Key.InstanceType, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Capacity.ToWire(), StringComparer.Ordinal)
            .ToList();
        var prices = ordered.Select(e => new PriceEntry(new PriceKey(cloud, e.Key.Region, e.Key.InstanceType, e.Key.Capacity), Money.Of(e.Value.Price))).ToList();
        var lines = ordered.Select(e => e.Value.Line).ToList();
        return (prices, lines);
    }

    private static void Keep(
        Dictionary<(string, string, CapacityType), (decimal Price, int Line)> cheapest,
        (string, string, CapacityType) key,
        decimal? price,
        int line)
    {
        if (price is not { } value)
        {
            return;
        }
        if (!cheapest.TryGetValue(key, out var kept) || value < kept.Price || (value == kept.Price && line < kept.Line))
        {
            cheapest[key] = (value, line);
        }
    }
}
