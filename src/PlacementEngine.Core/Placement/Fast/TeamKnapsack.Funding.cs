namespace PlacementEngine.Core;

/// <summary>Pending jobs paid for by the team's placed jobs worth less: the exchanges of its knapsack.</summary>
internal sealed partial class TeamKnapsack
{
    // Two cheap jobs for a dearer one of their penalty together is the exchange the budget-bound seeds call for;
    // longer lists hardly add to it.
    private const int MostDonors = 2;

    /// <summary>
    /// Pending job <paramref name="u"/> has a pool with room but its team not the money: the team's placed jobs of
    /// least penalty (the dearest first among equals) give up their seats until their money pays for it, as long as
    /// they weigh no more than it in penalty. Their nodes go back to everyone's pending jobs. M seed 5, not contended:
    /// the exact plan drops a $184 job of no priority to run a $735 one of priority 1; the fast one kept the cheap job.
    /// </summary>
    /// <returns>Whether some pool had room for the job (whether or not the team could then pay for it).</returns>
    private bool Fund(FastSolution solution, int t, int u)
    {
        var job = problem.Jobs[u];
        var pool = CheapestWithRoom(solution, job, out var cost);
        if (pool < 0)
        {
            return false;
        }
        var donors = new List<int>();
        var freed = solution.Ledger.BudgetLeft[t];
        var weight = 0m;
        foreach (var d in _teamJobs[t].Where(j => solution.IsPlaced(j) && problem.Penalty[j] < problem.Penalty[u])
            .OrderBy(j => problem.Penalty[j]).ThenByDescending(j => solution.CostOf[j]).ThenBy(j => j))
        {
            if (freed >= cost || donors.Count == MostDonors || weight + problem.Penalty[d] > problem.Penalty[u])
            {
                break;
            }
            donors.Add(d);
            freed += solution.CostOf[d];
            weight += problem.Penalty[d];
        }
        if (freed < cost)
        {
            return true;
        }
        foreach (var d in donors)
        {
            solution.Unplace(d);
        }
        solution.Place(u, pool, cost);
        return true;
    }

    /// <summary>The job's cheapest eligible pool with nodes and GPUs for it, whatever its team has left; -1 when none.</summary>
    private static int CheapestWithRoom(FastSolution solution, JobFacts job, out decimal cost)
    {
        var best = -1;
        cost = decimal.MaxValue;
        foreach (var pool in job.EligiblePools())
        {
            // Nodes first: on a full fleet no pool fits, and the decimal terms are then never computed.
            if (!solution.Ledger.FitsResources(job, pool))
            {
                continue;
            }
            // Pools come in ascending price: once the compute term alone passes the best cost, so do the rest.
            if (best >= 0 && job.Compute(pool) > cost)
            {
                break;
            }
            if (job.Cost(pool) is var exact && exact < cost)
            {
                best = pool;
                cost = exact;
            }
        }
        return best;
    }
}
