namespace PlacementEngine.Core;

/// <summary>What <see cref="HardChecks.ShapeCheck"/> reads of a worker.</summary>
internal readonly record struct ShapeKey(int Gpus, MemberSet<string> Models, decimal VCpus, decimal MemoryGiB)
{
    public static ShapeKey Of(WorkerResources worker) => new(worker.Gpus, new(worker.GpuModels), worker.VCpus, worker.MemoryGiB);
}

/// <summary>What <see cref="HardChecks.ClusterCheck"/> reads of a job.</summary>
internal readonly record struct ClusterKey(MemberSet<Jurisdiction> Jurisdictions, MemberSet<RegionId> Regions, MemberSet<Cloud> Clouds, SelectorSet Selector)
{
    public static ClusterKey Of(JobSpec spec) =>
        new(new(spec.Residency.Jurisdictions), new(spec.Residency.Regions), new(spec.Residency.Clouds), new(spec.ClusterSelector));
}

/// <summary>
/// Identifies a <see cref="RequirementClass"/>: every spec field the class-level checks read. Lists compare as sets,
/// because the checks only ask "is it among them"; numbers compare by value.
/// </summary>
internal readonly record struct RequirementKey(ShapeKey Shape, ClusterKey Cluster, CapacityPolicy Policy, MemberSet<Toleration> Tolerations)
{
    public static RequirementKey Of(JobSpec spec) =>
        new(ShapeKey.Of(spec.Worker), ClusterKey.Of(spec), spec.CapacityPolicy, new(Core.Tolerations.Effective(spec)));
}
