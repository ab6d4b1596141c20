namespace PlacementEngine.Core;

/// <summary>
/// Highest priority first, then arrival order; each job takes its cheapest eligible pool that still fits.
/// Simple and always feasible; the joint optimiser replaces it for large batches.
/// </summary>
public sealed class GreedySolver : IPlacementSolver
{
    public string Name => "greedy";

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        var ledger = new CapacityLedger(problem);
        var assignments = new List<Assignment>();
        var unplaced = new List<Unplaced>();
        var ordered = problem.Jobs.Select((job, index) => (job, index))
            .OrderByDescending(x => x.job.Spec.Priority)
            .ThenBy(x => x.index)
            .Select(x => x.job);

        foreach (var job in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = problem.CandidatesFor(job);
            var eligible = candidates.Where(c => c.Eligible).ToList();
            if (eligible.Count == 0)
            {
                var (reason, detail) = DominantRejection(candidates);
                unplaced.Add(new Unplaced(job, reason, detail, NoEligiblePool: true));
                continue;
            }

            (RejectReason Reason, string Detail)? firstMiss = null;
            Candidate? chosen = null;
            foreach (var candidate in eligible)
            {
                var miss = ledger.Check(job, candidate);
                if (miss is null)
                {
                    chosen = candidate;
                    break;
                }
                firstMiss ??= miss;
            }

            if (chosen is null)
            {
                unplaced.Add(new Unplaced(job, firstMiss!.Value.Reason, firstMiss.Value.Detail, NoEligiblePool: false));
                continue;
            }
            ledger.Take(job, chosen);
            assignments.Add(new Assignment(job, chosen));
        }
        return new PlacementPlan(Name, assignments, unplaced, LowerBound: null);
    }

    /// <summary>
    /// The reason that rejected the most pools, with one example: what a user most needs to change. Taints count only
    /// when nothing else rejected a pool: they keep CPU jobs off GPU nodes on purpose, which is rarely what to change.
    /// </summary>
    public static (RejectReason Reason, string Detail) DominantRejection(IReadOnlyList<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return (RejectReason.Capacity, "the fleet has no pools");
        }
        var top = candidates.Where(c => !c.Eligible)
            .GroupBy(c => c.Rejection!.Value)
            .OrderBy(g => g.Key == RejectReason.Taint)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .First();
        return (top.Key, $"{top.Count()} of {candidates.Count} pools: {top.First().Detail}");
    }
}
