namespace PlacementEngine.Core;

/// <summary>The hard, plan-independent checks of one job against one pool. Pure.</summary>
public static class Eligibility
{
    public static Candidate Evaluate(PendingJob job, Cluster cluster, Pool pool, PriceBook prices)
    {
        var spec = job.Spec;
        var type = pool.InstanceType;
        var candidate = new Candidate(pool, cluster, CostModel.NodesFor(spec, type), null, null, "");

        // Price first, so that rejected rows still show what they would have cost.
        if (candidate.Nodes is int nodes && prices.TryGetHourly(PriceKey.For(cluster, pool), out var hourly))
        {
            candidate = candidate with { Cost = CostModel.Estimate(spec, cluster, pool, nodes, hourly, prices) };
        }

        if (!cluster.Healthy)
        {
            return candidate.Reject(RejectReason.Unhealthy, $"cluster {cluster.Name} is not healthy");
        }
        if (ResidencyViolation(spec.Residency, cluster) is { } residency)
        {
            return candidate.Reject(RejectReason.Residency, residency);
        }
        foreach (var (key, value) in spec.ClusterSelector)
        {
            if (!cluster.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                // Quoted bounded: the detail is repeated per candidate, in the summary and in a hint of every planned job.
                return candidate.Reject(RejectReason.Selector, $"cluster label {InputText.Quote(key)}={actual ?? "(absent)"}, job wants {InputText.Quote(value)}");
            }
        }
        if (spec.Worker.Gpus > 0)
        {
            if (type.GpuModel is null || type.GpusPerNode == 0)
            {
                return candidate.Reject(RejectReason.GpuModel, $"{type.Name} has no GPUs");
            }
            if (spec.Worker.GpuModels.Count > 0 && !spec.Worker.GpuModels.Contains(type.GpuModel))
            {
                return candidate.Reject(RejectReason.GpuModel, $"{type.Name} has {type.GpuModel}, job accepts {string.Join("/", spec.Worker.GpuModels)}");
            }
            if (type.GpusPerNode < spec.Worker.Gpus)
            {
                return candidate.Reject(RejectReason.GpuCount, $"{type.Name} has {type.GpusPerNode} GPUs per node, a worker needs {spec.Worker.Gpus}");
            }
        }
        if (type.VCpus < spec.Worker.VCpus || type.MemoryGiB < spec.Worker.MemoryGiB)
        {
            return candidate.Reject(RejectReason.Resources, $"{type.Name} has {type.VCpus} vCPU / {type.MemoryGiB} GiB, a worker needs {spec.Worker.VCpus} / {spec.Worker.MemoryGiB}");
        }
        if (PolicyViolation(spec.CapacityPolicy, pool.CapacityType) is { } policy)
        {
            return candidate.Reject(RejectReason.CapacityPolicy, policy);
        }
        if (Tolerations.FirstUntolerated(Tolerations.Effective(spec), pool.Taints) is { } taint)
        {
            return candidate.Reject(RejectReason.Taint, $"pool is tainted {taint} and the job does not tolerate it");
        }
        if (job.BlockedPools.Contains(pool.Name))
        {
            return candidate.Reject(RejectReason.Blocked, $"{pool.Name} reclaimed this job's capacity before");
        }
        if (candidate.Cost is null)
        {
            return candidate.Reject(RejectReason.NoPrice, $"the price book has no price for {PriceKey.For(cluster, pool)}");
        }
        if (spec.MaxHourlyPrice is { } cap && candidate.Cost.HourlyPriceForJob > cap)
        {
            return candidate.Reject(RejectReason.PriceCap, $"${candidate.Cost.HourlyPriceForJob}/h exceeds the cap of ${cap}/h");
        }
        return candidate;
    }

    private static string? ResidencyViolation(Residency residency, Cluster cluster)
    {
        if (residency.Jurisdictions.Count > 0 && !residency.Jurisdictions.Contains(cluster.Jurisdiction))
        {
            return $"{cluster.Region} is in {cluster.Jurisdiction}, job allows {string.Join("/", residency.Jurisdictions)}";
        }
        if (residency.Regions.Count > 0 && !residency.Regions.Contains(cluster.Region))
        {
            return $"{cluster.Region} is not among the allowed regions";
        }
        if (residency.Clouds.Count > 0 && !residency.Clouds.Contains(cluster.Cloud))
        {
            return $"cloud {cluster.Cloud.ToWire()} is not allowed";
        }
        return null;
    }

    private static string? PolicyViolation(CapacityPolicy policy, CapacityType type) => policy switch
    {
        CapacityPolicy.SpotOnly when type != CapacityType.Spot => $"job is spot-only, pool is {type.ToWire()}",
        CapacityPolicy.OnDemandOnly when type == CapacityType.Spot => "job is on-demand-only, pool is spot",
        _ => null,
    };
}
