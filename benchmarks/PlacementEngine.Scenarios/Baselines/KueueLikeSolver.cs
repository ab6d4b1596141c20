using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Baseline, for benchmarks only: ordered flavors with first fit, as a Kueue ClusterQueue (with MultiKueue across
/// clusters) admits work. Clusters are tried in the fleet's order; within a cluster, spot pools come before the other
/// capacity types, each group in the fleet's order. Jobs go in arrival order and each takes the first eligible pool
/// where it still fits: capacity, GPU cap and budget are all checked. Prices play no part in the choice.
/// </summary>
public sealed class KueueLikeSolver : IPlacementSolver
{
    public string Name => "kueue";

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        var scan = new CandidateScan(problem, FlavorOrder(problem.Fleet));
        var ledger = new CapacityLedger(problem);
        var assignments = new List<Assignment>();
        var unplaced = new List<Unplaced>();
        foreach (var job in problem.Jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (RejectReason, string)? firstMiss = null;
            Candidate? chosen = null;
            var anyEligible = false;
            foreach (var candidate in scan.Eligible(job))
            {
                anyEligible = true;
                var miss = ledger.Check(job, candidate);
                if (miss is null)
                {
                    chosen = candidate;
                    break;
                }
                firstMiss ??= miss;
            }
            if (chosen is not null)
            {
                ledger.Take(job, chosen);
                assignments.Add(new Assignment(job, chosen));
            }
            else
            {
                unplaced.Add(anyEligible ? PendingReason.NothingFits(job, firstMiss!.Value) : PendingReason.NoEligiblePool(problem, job));
            }
        }
        return new PlacementPlan(Name, assignments, unplaced, LowerBound: null);
    }

    /// <summary>Clusters in fleet order; in each, spot pools first, then the rest, each group in fleet order.</summary>
    internal static IEnumerable<Pool> FlavorOrder(Fleet fleet)
    {
        var byCluster = fleet.Pools.ToLookup(p => p.Cluster, StringComparer.Ordinal);
        return fleet.Clusters.SelectMany(c => byCluster[c.Name]
            .Select((pool, index) => (pool, index))
            .OrderBy(x => x.pool.CapacityType == CapacityType.Spot ? 0 : 1)
            .ThenBy(x => x.index)
            .Select(x => x.pool));
    }
}
