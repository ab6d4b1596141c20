namespace PlacementEngine.Core;

/// <summary>One pool of a <see cref="FleetIndex"/> with everything the fast path needs as indices and numbers.</summary>
/// <param name="Hourly">Price per node-hour; zero when <paramref name="HasPrice"/> is false.</param>
/// <param name="SpotRate">Expected reclaims per node-hour for spot pools; zero for other capacity types.</param>
/// <param name="CapKey">Index of the (cluster, GPU model) cap this pool counts against, or -1 when uncapped.</param>
internal sealed record IndexedPool(
    Pool Pool,
    Cluster Cluster,
    int ClusterIndex,
    int ShapeIndex,
    int RegionIndex,
    int CapKey,
    bool HasPrice,
    decimal Hourly,
    decimal SpotRate)
{
    public bool IsSpot => Pool.CapacityType == CapacityType.Spot;

    public int GpusPerNode => Pool.InstanceType.GpusPerNode;
}

/// <summary>A per-cluster GPU cap: at most <paramref name="Cap"/> GPUs of <paramref name="Model"/> in the cluster.</summary>
internal sealed record GpuCapKey(int ClusterIndex, string ClusterName, string Model, int Cap);
