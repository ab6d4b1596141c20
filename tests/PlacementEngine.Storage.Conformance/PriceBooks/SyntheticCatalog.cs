using PlacementEngine.Core;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

/// <summary>A catalog the size of the shipped one (about 88,000 prices), spread over clouds, regions, types and capacity types.</summary>
public static class SyntheticCatalog
{
    public const int FullSize = 88_000;

    private static readonly Cloud[] Clouds = [Cloud.Aws, Cloud.Gcp, Cloud.Azure];
    private static readonly CapacityType[] Capacities = [CapacityType.OnDemand, CapacityType.Spot];

    public static PriceCatalogData Of(int prices)
    {
        var entries = new List<PriceEntry>(prices);
        for (var i = 0; i < prices; i++)
        {
            // 2 capacities x 3 clouds x 40 regions per type; amounts with 1 to 6 decimals, some with trailing zeros.
            var capacity = Capacities[i % 2];
            var cloud = Clouds[i / 2 % 3];
            var region = $"region-{i / 6 % 40}";
            var type = $"family{i / 240 % 50}.size{i / 12_000}";
            entries.Add(new PriceEntry(new PriceKey(cloud, region, type, capacity), Money.Of(decimal.Round(0.05m + (i * 0.0137m), 1 + (i % 6)))));
        }
        var egress = new List<EgressEntry>();
        for (var from = 0; from < 40; from++)
        {
            for (var to = 0; to < 40; to++)
            {
                if (from != to)
                {
                    egress.Add(new EgressEntry(new RegionId(Cloud.Aws, $"region-{from}"), new RegionId(Cloud.Gcp, $"region-{to}"), Money.Of(0.02m + (to * 0.001m))));
                }
            }
        }
        var bands = entries.Where(e => e.Key.CapacityType == CapacityType.Spot && e.Key.Cloud == Cloud.Aws)
            .Select((e, i) => new SpotBandEntry(e.Key.Cloud, e.Key.Region, e.Key.InstanceType, i % 5))
            .ToList();
        return new PriceCatalogData(entries, egress, bands);
    }
}
