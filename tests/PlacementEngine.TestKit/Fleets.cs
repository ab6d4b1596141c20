using PlacementEngine.Core;

namespace PlacementEngine.TestKit;

/// <summary>Fluent builder for fleets and price books: clusters, their pools, and a price per pool.</summary>
public sealed class Fleets
{
    private readonly List<Cluster> _clusters = [];
    private readonly List<Pool> _pools = [];
    private readonly Dictionary<PriceKey, Money> _prices = [];

    public static Fleets Make() => new();

    public Fleets Cluster(string name, string region, bool healthy = true, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, int>? gpuCaps = null)
    {
        if (!RegionId.TryParse(region, out var id) || !RegionDirectory.Default.TryGet(id, out var info))
        {
            throw new ArgumentException($"unknown region {region}", nameof(region));
        }
        _clusters.Add(new Cluster(name, id, info.Jurisdiction, labels ?? new Dictionary<string, string>(), healthy, gpuCaps ?? new Dictionary<string, int>()));
        return this;
    }

    /// <summary>A pool on the last cluster added; untainted unless <paramref name="taints"/> says otherwise.</summary>
    public Fleets Pool(string instanceType, string? gpuModel, int gpusPerNode, CapacityType capacity, decimal hourly, int maxNodes, decimal vcpus = 96m, decimal memoryGiB = 1024m, IReadOnlyList<Taint>? taints = null)
    {
        var cluster = _clusters[^1];
        var name = $"{cluster.Name}/{instanceType}/{capacity.ToWire()}";
        _pools.Add(new Pool(name, cluster.Name, new InstanceType(instanceType, gpuModel, gpusPerNode, vcpus, memoryGiB), capacity, null, maxNodes, new Dictionary<string, string>()) { Taints = taints ?? [] });
        _prices[new PriceKey(cluster.Cloud, cluster.Region.Name, instanceType, capacity)] = Money.Of(hourly);
        return this;
    }

    public Fleet Fleet() => new(_clusters, _pools);

    public PriceBook Prices(long version = 1) => new(version, new Dictionary<PriceKey, Money>(_prices));
}
