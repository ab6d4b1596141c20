using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

internal static class FleetMapping
{
    public const string KubernetesExecutor = "kubernetes";
    public const string SimulatedExecutor = "simulated";

    public static V1.Cluster ToProto(this ClusterStatus status)
    {
        var cluster = status.Cluster;
        return new V1.Cluster
        {
            Name = cluster.Name,
            Cloud = cluster.Cloud.ToWire(),
            Region = cluster.Region.Name,
            Jurisdiction = cluster.Jurisdiction.Code,
            Labels = { new Dictionary<string, string>(cluster.Labels) },
            Healthy = cluster.Healthy,
            Executor = status.Simulated ? SimulatedExecutor : KubernetesExecutor,
            GpuCaps = { new Dictionary<string, int>(cluster.GpuCaps) },
        };
    }

    public static V1.Pool ToProto(this PoolStatus status)
    {
        var pool = status.Pool;
        var type = pool.InstanceType;
        return new V1.Pool
        {
            Name = pool.Name,
            Cluster = pool.Cluster,
            InstanceType = type.Name,
            CapacityType = pool.CapacityType.ToProto(),
            GpuModel = type.GpuModel ?? "",
            GpusPerNode = type.GpusPerNode,
            Vcpus = (double)type.VCpus,
            MemoryGib = (double)type.MemoryGiB,
            MaxNodes = pool.MaxNodes,
            UsedNodes = status.UsedNodes,
            HourlyPrice = status.HourlyPrice?.ToString() ?? "",
            Zone = pool.Zone ?? "",
            Taints = { pool.Taints.Select(t => new V1.Taint { Key = t.Key, Value = t.Value, Effect = t.Effect.ToWire() }) },
        };
    }
}
