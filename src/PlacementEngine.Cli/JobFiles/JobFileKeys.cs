using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>The vocabulary of job.yaml; deploy/examples/jobs documents every key.</summary>
internal static class JobFileKeys
{
    public static readonly string[] Top =
    [
        "name", "team", "image", "command", "args", "env", "worker", "workers", "estimatedRuntime",
        "residency", "data", "capacityPolicy", "checkpointInterval", "maxHourlyPrice", "deadline",
        "priority", "clusterSelector", "labels", "tolerations",
    ];

    public static readonly string[] Worker = ["gpus", "gpuModels", "vcpus", "memoryGiB"];

    public static readonly string[] Residency = ["jurisdictions", "regions", "clouds"];

    public static readonly string[] Data = ["region", "gbRead"];

    /// <summary>A Kubernetes toleration's keys; the server checks the operator and effect spellings.</summary>
    public static readonly string[] Toleration = ["key", "operator", "value", "effect"];

    public static readonly IReadOnlyDictionary<string, CapacityPolicy> CapacityPolicies =
        new Dictionary<string, CapacityPolicy>(StringComparer.Ordinal)
        {
            ["spot-only"] = CapacityPolicy.SpotOnly,
            ["spot-preferred"] = CapacityPolicy.SpotPreferred,
            ["on-demand-only"] = CapacityPolicy.OnDemandOnly,
        };

    /// <summary>The API's own range for priority (placement.proto: 0..1000).</summary>
    public const int MaxPriority = 1000;

    /// <summary>Omitted "workers" means a single worker, the common case.</summary>
    public const int DefaultWorkers = 1;
}
