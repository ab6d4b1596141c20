namespace PlacementEngine.Core;

/// <summary>What a price is for: one instance type in one region at one capacity type.</summary>
public readonly record struct PriceKey(Cloud Cloud, string Region, string InstanceType, CapacityType CapacityType)
{
    private static readonly string[] GcpGpuAttachingSeries = ["n1-standard-", "n1-highmem-", "n1-highcpu-"];

    public static PriceKey For(Cluster cluster, Pool pool) =>
        new(cluster.Cloud, cluster.Region.Name, PricedName(cluster.Cloud, pool.InstanceType), pool.CapacityType);

    /// <summary>
    /// The name a node shape is priced under. GCP bills GPUs attached to N1 machines apart from the VM, so a bare N1
    /// machine name with GPUs ("n1-standard-8" + 1 T4) is priced as "n1-standard-8-t4x1" (pricing/README.md); a name
    /// that already says its GPUs, and any other shape, is priced under its own name.
    /// </summary>
    public static string PricedName(Cloud cloud, InstanceType shape) =>
        cloud == Cloud.Gcp && shape.GpuModel is { } gpu && shape.GpusPerNode > 0 && IsBareN1Machine(shape.Name)
            ? $"{shape.Name}-{gpu.ToLowerInvariant()}x{shape.GpusPerNode}"
            : shape.Name;

    private static bool IsBareN1Machine(string name) =>
        GcpGpuAttachingSeries.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal)) is { } series
        && name.Length > series.Length
        && name[series.Length..].All(char.IsAsciiDigit);

    public override string ToString() => $"{Cloud.ToWire()}:{Region}/{InstanceType}/{CapacityType.ToWire()}";
}
