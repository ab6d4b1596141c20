namespace PlacementEngine.Core;

/// <summary>What a price is for: one instance type in one region at one capacity type.</summary>
public readonly record struct PriceKey(Cloud Cloud, string Region, string InstanceType, CapacityType CapacityType)
{
    private static readonly string[] GcpGpuAttachingSeries = ["n1-standard-", "n1-highmem-", "n1-highcpu-"];

    public static PriceKey For(Cluster cluster, Pool pool) =>
        new(cluster.Cloud, cluster.Region.Name, PricedName(cluster.Cloud, pool.InstanceType), pool.CapacityType);

    /// <summary>
    /// The name a node shape is priced under. GCP bills GPUs attached to N1 machines apart from the VM, so an N1
    /// machine with GPUs is priced as "n1-standard-8-t4x1" (pricing/README.md); any other shape under its own name.
    /// </summary>
    public static string PricedName(Cloud cloud, InstanceType shape) =>
        cloud == Cloud.Gcp && shape.GpuModel is { } gpu && shape.GpusPerNode > 0
            && GcpGpuAttachingSeries.Any(s => shape.Name.StartsWith(s, StringComparison.Ordinal))
            ? $"{shape.Name}-{gpu.ToLowerInvariant()}x{shape.GpusPerNode}"
            : shape.Name;

    public override string ToString() => $"{Cloud.ToWire()}:{Region}/{InstanceType}/{CapacityType.ToWire()}";
}
