namespace PlacementEngine.Core;

/// <summary>A job waiting for a placement, as the solver sees it.</summary>
public sealed record PendingJob(JobId Id, JobSpec Spec, IReadOnlySet<string> BlockedPools, int NextAttempt)
{
    public static PendingJob From(Job job) => new(job.Id, job.Spec, job.BlockedPools, job.Attempt + 1);
}

/// <summary>Everything a solver needs, passed in: no solver reads the store, the clock or configuration.</summary>
/// <param name="Jobs">In arrival order.</param>
/// <param name="UsedNodes">Nodes already reserved per pool; free = max nodes - used.</param>
/// <param name="RemainingBudgets">Per team; a team not listed has no budget limit.</param>
/// <param name="GpusInUse">GPUs already running per (cluster, GPU model), for per-cluster caps.</param>
public sealed record PlacementProblem(
    IReadOnlyList<PendingJob> Jobs,
    Fleet Fleet,
    PriceBook Prices,
    IReadOnlyDictionary<string, int> UsedNodes,
    IReadOnlyDictionary<string, Money> RemainingBudgets,
    IReadOnlyDictionary<(string Cluster, string GpuModel), int> GpusInUse)
{
    public int FreeNodes(Pool pool) => Math.Max(0, pool.MaxNodes - UsedNodes.GetValueOrDefault(pool.Name));

    /// <summary>Every pool evaluated for the job: eligible ones cheapest first, then the rejected ones.</summary>
    public IReadOnlyList<Candidate> CandidatesFor(PendingJob job) =>
        Fleet.Pools
            .Select(pool => Eligibility.Evaluate(job, Fleet.ClusterOf(pool), pool, Prices))
            .OrderBy(c => c.Eligible ? 0 : 1)
            .ThenBy(c => c.Cost?.Total.Dollars ?? decimal.MaxValue)
            .ThenBy(c => c.Pool.Name, StringComparer.Ordinal)
            .ToList();
}
