using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>Why a baseline leaves a job pending, in the same terms the core solvers use.</summary>
internal static class PendingReason
{
    /// <summary>No pool passes the hard checks: the reason that rejected the most pools, with one example.</summary>
    public static Unplaced NoEligiblePool(PlacementProblem problem, PendingJob job)
    {
        var rejected = problem.Fleet.Pools
            .Select(p => Eligibility.Evaluate(job, problem.Fleet.ClusterOf(p), p, problem.Prices))
            .Where(c => !c.Eligible)
            .ToList();
        if (rejected.Count == 0)
        {
            return new Unplaced(job, RejectReason.Capacity, "the fleet has no pools", NoEligiblePool: true);
        }
        var top = rejected.GroupBy(c => c.Rejection!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        return new Unplaced(job, top.Key, $"{top.Count()} of {rejected.Count} pools: {top.First().Detail}", NoEligiblePool: true);
    }

    /// <summary>Eligible pools exist but none fits what the plan has taken: the first joint constraint that failed.</summary>
    public static Unplaced NothingFits(PendingJob job, (RejectReason Reason, string Detail) firstMiss) =>
        new(job, firstMiss.Reason, firstMiss.Detail, NoEligiblePool: false);
}
