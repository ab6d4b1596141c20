namespace PlacementEngine.Core;

/// <summary>
/// A fleet and a price book laid out for fast candidate generation: pools in ascending price per node-hour, each
/// with its cluster, instance shape, region, GPU cap and spot reclaim rate as array indices and numbers. Build it
/// once per (fleet, price book) and reuse it for every solve and single-job placement until either changes.
/// Immutable, so it may be shared across threads.
/// </summary>
public sealed partial class FleetIndex
{
    private readonly Dictionary<string, int> _poolIndex;

    private FleetIndex(Fleet fleet, PriceBook prices)
    {
        Fleet = fleet;
        Prices = prices;
        Clusters = [.. fleet.Clusters];
        var clusterIndex = Enumerable.Range(0, Clusters.Length).ToDictionary(i => Clusters[i].Name, StringComparer.Ordinal);
        Regions = [.. Clusters.Select(c => c.Region).Distinct()];
        var regionIndex = Enumerable.Range(0, Regions.Length).ToDictionary(i => Regions[i]);
        Shapes = [.. fleet.Pools.Select(p => p.InstanceType).Distinct()];
        var shapeIndex = Enumerable.Range(0, Shapes.Length).ToDictionary(i => Shapes[i]);
        var capKeys = new List<GpuCapKey>();
        var capIndex = new Dictionary<(int, string), int>();

        var pools = new List<IndexedPool>(fleet.Pools.Count);
        foreach (var pool in fleet.Pools)
        {
            var c = clusterIndex[pool.Cluster];
            var cluster = Clusters[c];
            var capKey = -1;
            if (pool.InstanceType.GpuModel is { } model && cluster.GpuCaps.TryGetValue(model, out var cap))
            {
                if (!capIndex.TryGetValue((c, model), out capKey))
                {
                    capKey = capKeys.Count;
                    capIndex[(c, model)] = capKey;
                    capKeys.Add(new GpuCapKey(c, cluster.Name, model, cap));
                }
            }
            var hasPrice = prices.TryGetHourly(PriceKey.For(cluster, pool), out var hourly);
            var spotRate = pool.CapacityType == CapacityType.Spot
                ? SpotInterruptionBand.InterruptionsPerNodeHour(prices.SpotBand(cluster.Cloud, cluster.Region.Name, pool.InstanceType.Name))
                : 0m;
            pools.Add(new IndexedPool(pool, cluster, c, shapeIndex[pool.InstanceType], regionIndex[cluster.Region], capKey,
                hasPrice, hasPrice ? hourly.Dollars : 0m, spotRate));
        }

        // Priced pools by price so that a job's cheapest candidates come first; the name keeps ties deterministic.
        Pools = [.. pools.OrderBy(p => p.HasPrice ? 0 : 1).ThenBy(p => p.Hourly).ThenBy(p => p.Pool.Name, StringComparer.Ordinal)];
        CapKeys = [.. capKeys];
        _poolIndex = Enumerable.Range(0, Pools.Length).ToDictionary(i => Pools[i].Pool.Name, StringComparer.Ordinal);
        HourlyD = [.. Pools.Select(p => (double)p.Hourly)];
        SpotRateD = [.. Pools.Select(p => (double)p.SpotRate)];
        RegionOf = [.. Pools.Select(p => p.RegionIndex)];
        CapKeyOf = [.. Pools.Select(p => p.CapKey)];
        GpusOf = [.. Pools.Select(p => p.GpusPerNode)];
        PoolsOfCap = [.. Enumerable.Range(0, CapKeys.Length).Select(k => Enumerable.Range(0, Pools.Length).Where(p => CapKeyOf[p] == k).ToArray())];
    }

    public static FleetIndex Build(Fleet fleet, PriceBook prices) => new(fleet, prices);

    public Fleet Fleet { get; }

    public PriceBook Prices { get; }

    public int PoolCount => Pools.Length;

    /// <summary>Ascending price per node-hour; priced pools first.</summary>
    internal IndexedPool[] Pools { get; }

    internal Cluster[] Clusters { get; }

    internal InstanceType[] Shapes { get; }

    internal RegionId[] Regions { get; }

    internal GpuCapKey[] CapKeys { get; }

    // Column copies of the pool fields that the inner loops read, so those loops stay on contiguous memory.
    internal double[] HourlyD { get; }

    internal double[] SpotRateD { get; }

    internal int[] RegionOf { get; }

    internal int[] CapKeyOf { get; }

    internal int[] GpusOf { get; }

    /// <summary>Per cap key, the indices of the pools it caps, ascending.</summary>
    internal int[][] PoolsOfCap { get; }

    internal bool TryGetPoolIndex(string name, out int index) => _poolIndex.TryGetValue(name, out index);

    /// <summary>Whether the problem was built on this index's fleet and price book (the same instances).</summary>
    public bool Serves(PlacementProblem problem) => ReferenceEquals(problem.Fleet, Fleet) && ReferenceEquals(problem.Prices, Prices);
}
