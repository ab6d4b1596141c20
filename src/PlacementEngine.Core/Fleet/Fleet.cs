namespace PlacementEngine.Core;

/// <summary>Clusters and their pools, indexed by name. Immutable.</summary>
public sealed class Fleet
{
    private readonly Dictionary<string, Cluster> _clusters;
    private readonly Dictionary<string, Pool> _pools;

    public Fleet(IEnumerable<Cluster> clusters, IEnumerable<Pool> pools)
    {
        _clusters = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            if (!_clusters.TryAdd(cluster.Name, cluster))
            {
                throw new ArgumentException($"cluster '{cluster.Name}' is defined twice", nameof(clusters));
            }
        }
        _pools = new Dictionary<string, Pool>(StringComparer.Ordinal);
        foreach (var pool in pools)
        {
            if (!_clusters.ContainsKey(pool.Cluster))
            {
                throw new ArgumentException($"pool '{pool.Name}' names unknown cluster '{pool.Cluster}'", nameof(pools));
            }
            if (!_pools.TryAdd(pool.Name, pool))
            {
                throw new ArgumentException($"pool '{pool.Name}' is defined twice", nameof(pools));
            }
        }
        Clusters = _clusters.Values.ToList();
        Pools = _pools.Values.ToList();
    }

    public IReadOnlyList<Cluster> Clusters { get; }

    public IReadOnlyList<Pool> Pools { get; }

    public Cluster GetCluster(string name) => _clusters[name];

    public bool TryGetCluster(string name, out Cluster cluster) => _clusters.TryGetValue(name, out cluster!);

    public bool TryGetPool(string name, out Pool pool) => _pools.TryGetValue(name, out pool!);

    public Cluster ClusterOf(Pool pool) => _clusters[pool.Cluster];

    public Fleet WithClusterHealth(string cluster, bool healthy) =>
        new(Clusters.Select(c => c.Name == cluster ? c with { Healthy = healthy } : c), Pools);
}
