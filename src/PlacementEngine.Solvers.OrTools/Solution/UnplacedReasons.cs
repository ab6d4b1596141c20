using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>Why a job the plan leaves pending waits, in the same terms the greedy solver uses.</summary>
internal static class UnplacedReasons
{
    /// <param name="final">The ledger holding the whole final plan, in which no eligible pool of the job fits any more.</param>
    public static Unplaced For(PendingJob job, IReadOnlyList<Candidate> candidates, CapacityLedger final)
    {
        var cheapest = candidates.FirstOrDefault(c => c.Eligible);
        if (cheapest is null)
        {
            var (reason, detail) = GreedySolver.DominantRejection(candidates);
            return new Unplaced(job, reason, detail, NoEligiblePool: true);
        }
        // The cheapest pool is the one the job would take first once room appears: its blocker is what the job waits for.
        var miss = final.Check(job, cheapest)
            ?? throw new InvalidOperationException($"{job.Id} was left pending although {cheapest.Pool.Name} fits the plan");
        return new Unplaced(job, miss.Reason, miss.Detail, NoEligiblePool: false);
    }
}
