namespace PlacementEngine.Core;

public enum CapacityPolicy
{
    SpotPreferred,
    SpotOnly,
    OnDemandOnly,
}

public sealed record ContainerSpec(
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env);

/// <summary>What one worker needs. A worker runs on whole nodes of its own and never spans nodes.</summary>
public sealed record WorkerResources(int Gpus, IReadOnlyList<string> GpuModels, decimal VCpus, decimal MemoryGiB);

/// <summary>Where the job may run. Empty lists mean no restriction of that kind; all given kinds must hold.</summary>
public sealed record Residency(
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<RegionId> Regions,
    IReadOnlyList<Cloud> Clouds)
{
    public static Residency Anywhere { get; } = new([], [], []);
}

public sealed record DataLocation(RegionId Region, decimal GbRead);

/// <summary>A validated job request. Build it through <see cref="JobSpecValidator"/> from untrusted input.</summary>
public sealed record JobSpec(
    string Name,
    string Team,
    ContainerSpec Container,
    WorkerResources Worker,
    int Workers,
    TimeSpan EstimatedRuntime,
    Residency Residency,
    DataLocation? Data,
    CapacityPolicy CapacityPolicy,
    TimeSpan? CheckpointInterval,
    Money? MaxHourlyPrice,
    DateTimeOffset? Deadline,
    int Priority,
    IReadOnlyDictionary<string, string> ClusterSelector,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Taints the job may run under; a job asking for GPUs also tolerates the GPU taint without listing it.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    public decimal EstimatedHours => (decimal)EstimatedRuntime.TotalSeconds / 3600m;
}
