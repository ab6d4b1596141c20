using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Draws clusters and pools from the catalog offers:
/// 1. Each (region, instance type) gets one zone, drawn once, so every cluster in a region sees one price per type.
/// 2. Clusters are added one at a time until the pool count is reached. Each goes to the residency group furthest
///    below its share of the pools so far (US 40%, EU 40%, other 20%), takes the next region of that group in a
///    shuffled round robin (a region gets a second cluster only after every region of its group has one), and takes
///    4 to 12 random pools of that region: an instance type at a capacity type (spot or on-demand) whose price the
///    catalog publishes.
/// 3. The last cluster is cut short so the fleet has exactly the pools asked for.
/// </summary>
internal static class FleetSampler
{
    private const int MinPoolsPerCluster = 4;
    private const int MaxPoolsPerCluster = 12;

    private static readonly (RegionClass Class, double Share)[] Shares =
        [(RegionClass.Us, 0.4), (RegionClass.Eu, 0.4), (RegionClass.Other, 0.2)];

    public static List<ClusterDraft> Sample(ScenarioData data, int poolCount, Random random)
    {
        var slotsByRegion = SlotsByRegion(data, random);
        var rounds = slotsByRegion.Keys
            .GroupBy(region => RegionClasses.Of(Jurisdiction(data, region)))
            .ToDictionary(g => g.Key, g => new RoundRobin(g.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList(), random));
        var clustersPerRegion = new Dictionary<RegionId, int>();
        var poolsPerClass = new Dictionary<RegionClass, int>();
        var clusters = new List<ClusterDraft>();
        var taken = 0;
        while (taken < poolCount)
        {
            var regionClass = FurthestBelowShare(poolsPerClass, rounds.Keys);
            var region = rounds[regionClass].Next();
            var index = clustersPerRegion[region] = clustersPerRegion.GetValueOrDefault(region) + 1;
            var cluster = new ClusterDraft(ClusterName(region, index), region, Jurisdiction(data, region));
            var slots = slotsByRegion[region].ToList();
            random.Shuffle(slots);
            var size = Math.Min(Math.Min(random.Next(MinPoolsPerCluster, MaxPoolsPerCluster + 1), slots.Count), poolCount - taken);
            foreach (var (offer, capacity) in slots.Take(size))
            {
                cluster.Pools.Add(new PoolDraft(cluster, offer, capacity, offer.PriceFor(capacity)!.Value));
            }
            clusters.Add(cluster);
            taken += size;
            poolsPerClass[regionClass] = poolsPerClass.GetValueOrDefault(regionClass) + size;
        }
        return clusters;
    }

    /// <summary>Per region, every (offer, capacity type) with a published price, the offer's zone drawn once per instance type.</summary>
    private static Dictionary<RegionId, List<(CatalogOffer Offer, CapacityType Capacity)>> SlotsByRegion(ScenarioData data, Random random)
    {
        var slots = new Dictionary<RegionId, List<(CatalogOffer, CapacityType)>>();
        var byType = data.Offers
            .GroupBy(o => (o.Region, o.Type.Name))
            .OrderBy(g => g.Key.Region.ToString(), StringComparer.Ordinal)
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal);
        foreach (var zones in byType)
        {
            var ordered = zones.OrderBy(o => o.Zone, StringComparer.Ordinal).ToList();
            var offer = ordered[random.Next(ordered.Count)];
            if (!slots.TryGetValue(offer.Region, out var list))
            {
                slots[offer.Region] = list = [];
            }
            foreach (var capacity in (CapacityType[])[CapacityType.Spot, CapacityType.OnDemand])
            {
                if (offer.PriceFor(capacity) is not null)
                {
                    list.Add((offer, capacity));
                }
            }
        }
        return slots;
    }

    private static RegionClass FurthestBelowShare(Dictionary<RegionClass, int> poolsPerClass, IEnumerable<RegionClass> available) =>
        Shares.Where(s => available.Contains(s.Class))
            .OrderBy(s => poolsPerClass.GetValueOrDefault(s.Class) / s.Share)
            .ThenBy(s => s.Class)
            .First().Class;

    private static Jurisdiction Jurisdiction(ScenarioData data, RegionId region) =>
        data.Regions.TryGet(region, out var info) ? info.Jurisdiction : throw new InvalidOperationException($"{region} has no jurisdiction");

    /// <summary>Named as each cloud names its managed Kubernetes: eks-us-east-1, gke-europe-west4-2, aks-westeurope.</summary>
    private static string ClusterName(RegionId region, int index)
    {
        var prefix = region.Cloud switch
        {
            Cloud.Aws => "eks",
            Cloud.Gcp => "gke",
            Cloud.Azure => "aks",
            _ => "k8s",
        };
        return index == 1 ? $"{prefix}-{region.Name}" : $"{prefix}-{region.Name}-{index}";
    }

    /// <summary>Regions of one group in a shuffled order, repeated.</summary>
    private sealed class RoundRobin
    {
        private readonly List<RegionId> _regions;
        private int _next;

        public RoundRobin(List<RegionId> regions, Random random)
        {
            _regions = regions;
            random.Shuffle(_regions);
        }

        public RegionId Next() => _regions[_next++ % _regions.Count];
    }
}
