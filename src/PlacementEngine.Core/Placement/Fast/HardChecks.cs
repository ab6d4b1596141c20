namespace PlacementEngine.Core;

/// <summary>
/// <see cref="Eligibility.Evaluate"/> split by what each check depends on, so the fast path can run a check once per
/// cluster, instance shape or capacity type instead of once per (job, pool). Same checks, same order, same reasons:
/// cluster (unhealthy, residency, selector), shape (GPU model, GPU count, resources), capacity policy, taints; then, per job,
/// blocked, no price and price cap. The equivalence tests hold the two paths together.
/// </summary>
internal static class HardChecks
{
    public static RejectReason? ClusterCheck(JobSpec spec, Cluster cluster)
    {
        if (!cluster.Healthy)
        {
            return RejectReason.Unhealthy;
        }
        var residency = spec.Residency;
        if ((residency.Jurisdictions.Count > 0 && !residency.Jurisdictions.Contains(cluster.Jurisdiction))
            || (residency.Regions.Count > 0 && !residency.Regions.Contains(cluster.Region))
            || (residency.Clouds.Count > 0 && !residency.Clouds.Contains(cluster.Cloud)))
        {
            return RejectReason.Residency;
        }
        foreach (var (key, value) in spec.ClusterSelector)
        {
            if (!cluster.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                return RejectReason.Selector;
            }
        }
        return null;
    }

    public static RejectReason? ShapeCheck(WorkerResources worker, InstanceType type)
    {
        if (worker.Gpus > 0)
        {
            if (type.GpuModel is null || type.GpusPerNode == 0)
            {
                return RejectReason.GpuModel;
            }
            if (worker.GpuModels.Count > 0 && !worker.GpuModels.Contains(type.GpuModel))
            {
                return RejectReason.GpuModel;
            }
            if (type.GpusPerNode < worker.Gpus)
            {
                return RejectReason.GpuCount;
            }
        }
        if (type.VCpus < worker.VCpus || type.MemoryGiB < worker.MemoryGiB)
        {
            return RejectReason.Resources;
        }
        return null;
    }

    public static RejectReason? PolicyCheck(CapacityPolicy policy, CapacityType type) => policy switch
    {
        CapacityPolicy.SpotOnly when type != CapacityType.Spot => RejectReason.CapacityPolicy,
        CapacityPolicy.OnDemandOnly when type == CapacityType.Spot => RejectReason.CapacityPolicy,
        _ => null,
    };

    public static RejectReason? TaintCheck(IReadOnlyList<Toleration> tolerations, IReadOnlyList<Taint> taints) =>
        taints.Count > 0 && Tolerations.FirstUntolerated(tolerations, taints) is not null ? RejectReason.Taint : null;
}
