using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Baseline, for benchmarks only: what a per-job optimiser such as SkyPilot's does with a queue. Jobs go one at a
/// time in arrival order (priority plays no part); each takes its cheapest eligible pool by expected cost and fails
/// over to the next cheapest when that one is full, over the team's budget or over the cluster's GPU cap.
/// Every constraint holds; what it lacks is a view of the whole queue.
/// </summary>
public sealed class SkyPilotLikeSolver : IPlacementSolver
{
    public string Name => "skypilot";

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        var scan = new CandidateScan(problem);
        var ledger = new CapacityLedger(problem);
        var assignments = new List<Assignment>();
        var unplaced = new List<Unplaced>();
        foreach (var job in problem.Jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var eligible = scan.EligibleCheapestFirst(job);
            if (eligible.Count == 0)
            {
                unplaced.Add(PendingReason.NoEligiblePool(problem, job));
                continue;
            }
            (RejectReason, string)? firstMiss = null;
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
                unplaced.Add(PendingReason.NothingFits(job, firstMiss!.Value));
                continue;
            }
            ledger.Take(job, chosen);
            assignments.Add(new Assignment(job, chosen));
        }
        return new PlacementPlan(Name, assignments, unplaced, LowerBound: null);
    }
}
