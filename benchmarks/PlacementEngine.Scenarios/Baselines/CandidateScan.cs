using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Finds a job's eligible pools quickly on large fleets. Cheap checks that <see cref="Eligibility.Evaluate"/> also
/// makes (cluster health, residency, GPU model and count, CPU and memory, capacity policy, blocked pools) skip pools
/// before the full evaluation, which alone decides eligibility and prices the candidate. The result is therefore
/// the same set of eligible candidates <see cref="PlacementProblem.CandidatesFor"/> gives, at a fraction of the cost.
/// </summary>
public sealed class CandidateScan
{
    private readonly PlacementProblem _problem;
    private readonly (Pool Pool, Cluster Cluster)[] _pools;

    public CandidateScan(PlacementProblem problem, IEnumerable<Pool>? order = null)
    {
        _problem = problem;
        _pools = (order ?? problem.Fleet.Pools).Select(p => (p, problem.Fleet.ClusterOf(p))).ToArray();
    }

    /// <summary>Eligible candidates in the scan's pool order.</summary>
    public IEnumerable<Candidate> Eligible(PendingJob job)
    {
        foreach (var (pool, cluster) in _pools)
        {
            if (!MayBeEligible(job, cluster, pool))
            {
                continue;
            }
            var candidate = Eligibility.Evaluate(job, cluster, pool, _problem.Prices);
            if (candidate.Eligible)
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Eligible candidates cheapest first, ties by pool name: the order <see cref="PlacementProblem.CandidatesFor"/> uses.</summary>
    public List<Candidate> EligibleCheapestFirst(PendingJob job)
    {
        var list = Eligible(job).ToList();
        list.Sort(static (a, b) =>
        {
            var byCost = a.Cost!.Total.CompareTo(b.Cost!.Total);
            return byCost != 0 ? byCost : string.CompareOrdinal(a.Pool.Name, b.Pool.Name);
        });
        return list;
    }

    /// <summary>False only where <see cref="Eligibility.Evaluate"/> would reject the pool.</summary>
    private static bool MayBeEligible(PendingJob job, Cluster cluster, Pool pool)
    {
        var spec = job.Spec;
        var type = pool.InstanceType;
        if (!cluster.Healthy)
        {
            return false;
        }
        var residency = spec.Residency;
        if ((residency.Jurisdictions.Count > 0 && !residency.Jurisdictions.Contains(cluster.Jurisdiction))
            || (residency.Regions.Count > 0 && !residency.Regions.Contains(cluster.Region))
            || (residency.Clouds.Count > 0 && !residency.Clouds.Contains(cluster.Cloud)))
        {
            return false;
        }
        if (spec.Worker.Gpus > 0
            && (type.GpuModel is null || type.GpusPerNode < spec.Worker.Gpus
                || (spec.Worker.GpuModels.Count > 0 && !spec.Worker.GpuModels.Contains(type.GpuModel))))
        {
            return false;
        }
        if (type.VCpus < spec.Worker.VCpus || type.MemoryGiB < spec.Worker.MemoryGiB)
        {
            return false;
        }
        var policyAllows = spec.CapacityPolicy switch
        {
            CapacityPolicy.SpotOnly => pool.CapacityType == CapacityType.Spot,
            CapacityPolicy.OnDemandOnly => pool.CapacityType != CapacityType.Spot,
            _ => true,
        };
        return policyAllows && !job.BlockedPools.Contains(pool.Name);
    }
}
