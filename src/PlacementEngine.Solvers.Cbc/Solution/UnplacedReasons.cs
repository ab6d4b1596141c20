using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>Why a job the plan leaves pending waits, in the same terms the greedy solver uses.</summary>
internal static class UnplacedReasons
{
    /// <param name="final">The ledger holding the whole final plan, in which no eligible pool of the job fits any more.</param>
    public static Unplaced For(PendingJob job, IReadOnlyList<Candidate> candidates, CapacityLedger final)
    {
        var cheapest = candidates.FirstOrDefault(c => c.Eligible);
        if (cheapest is null)
        {
            var (reason, detail) = DominantRejection(candidates);
            return new Unplaced(job, reason, detail, NoEligiblePool: true);
        }
        // The cheapest pool is the one the job would take first once room appears: its blocker is what the job waits for.
        var miss = final.Check(job, cheapest)
            ?? throw new InvalidOperationException($"{job.Id} was left pending although {cheapest.Pool.Name} fits the plan");
        return new Unplaced(job, miss.Reason, miss.Detail, NoEligiblePool: false);
    }

    /// <summary>
    /// The reason that rejected the most pools, with one example: what a user most needs to change.
    /// Mirrors GreedySolver.DominantRejection, which the core keeps internal.
    /// </summary>
    private static (RejectReason Reason, string Detail) DominantRejection(IReadOnlyList<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return (RejectReason.Capacity, "the fleet has no pools");
        }
        var top = candidates.Where(c => !c.Eligible)
            .GroupBy(c => c.Rejection!.Value)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .First();
        return (top.Key, $"{top.Count()} of {candidates.Count} pools: {top.First().Detail}");
    }
}
