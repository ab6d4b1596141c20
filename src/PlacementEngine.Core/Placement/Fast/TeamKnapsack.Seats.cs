namespace PlacementEngine.Core;

/// <summary>The seat changes that save a team money: among its own jobs, and with jobs of other teams.</summary>
internal sealed partial class TeamKnapsack
{
    /// <summary>
    /// Among the team's placed jobs of one class and size, the longest take the cheapest of the pools they hold
    /// between them: the same nodes, less money (kept only when the group's cost falls).
    /// </summary>
    private void SortSeats(FastSolution solution, int t)
    {
        var groups = _teamJobs[t].Where(solution.IsPlaced).GroupBy(j => (problem.Jobs[j].Class.Id, problem.Jobs[j].Workers));
        foreach (var group in groups)
        {
            var jobs = group.OrderByDescending(j => problem.Jobs[j].NodeHours).ThenBy(j => j).ToArray();
            if (jobs.Length < 2)
            {
                continue;
            }
            var pools = jobs.Select(j => solution.PoolOf[j]).Order().ToArray();
            var costs = jobs.Select(j => solution.CostOf[j]).ToArray();
            var was = jobs.Select(j => solution.PoolOf[j]).ToArray();
            var before = costs.Sum();
            foreach (var j in jobs)
            {
                solution.Unplace(j);
            }
            var after = 0m;
            var placed = 0;
            for (; placed < jobs.Length; placed++)
            {
                var job = problem.Jobs[jobs[placed]];
                if (job.RejectionAt(pools[placed]) is not null)
                {
                    break;
                }
                var cost = job.Cost(pools[placed]);
                if (!solution.Ledger.Fits(job, pools[placed], cost))
                {
                    break;
                }
                solution.Place(jobs[placed], pools[placed], cost);
                after += cost;
            }
            if (placed == jobs.Length && after < before)
            {
                continue;
            }
            for (var k = 0; k < placed; k++)
            {
                solution.Unplace(jobs[k]);
            }
            for (var k = 0; k < jobs.Length; k++)
            {
                solution.Place(jobs[k], was[k], costs[k]);
            }
        }
    }

    /// <summary>
    /// The team's jobs take cheaper seats from jobs of other teams of the same size, which take theirs in exchange:
    /// the team saves money that buys more of its pending jobs; the others pay a little more.
    /// </summary>
    private void TradeSeats(FastSolution solution, int t)
    {
        var occupants = Occupants(solution, problem.Index.PoolCount);
        var mine = _teamJobs[t].Where(solution.IsPlaced).OrderByDescending(j => solution.PoolOf[j]).ThenBy(j => j).ToArray();
        foreach (var a in mine)
        {
            var jobA = problem.Jobs[a];
            var from = solution.PoolOf[a];
            var traded = false;
            for (var i = 0; i < jobA.CapEnd && !traded; i++)
            {
                var to = jobA.Class.Eligible[i];
                // The index lists pools in ascending price: only those before the job's own can be cheaper.
                if (to >= from)
                {
                    break;
                }
                // Floating point screens out the seats that are not cheaper; the swap itself checks the exact costs.
                if (jobA.IsBlocked(to) || SafeMargin.Below(jobA.ApproxCost(to)) >= solution.CostOf[a])
                {
                    continue;
                }
                // The occupant whose run costs least more on the dear seat: the team's saving costs the others least.
                var b = CheapestToMove(solution, occupants[to], t, jobA.Workers, from);
                if (b >= 0 && Swap(solution, a, b))
                {
                    occupants[to].Remove(b);
                    occupants[to].Add(a);
                    occupants[from].Remove(a);
                    occupants[from].Add(b);
                    traded = true;
                }
            }
        }
    }

    /// <summary>Among the pool's jobs of other teams with the nodes, the eligibility and the money to take the dear seat, the one whose cost rises least there; -1 when none.</summary>
    private int CheapestToMove(FastSolution solution, List<int> occupants, int t, int workers, int from)
    {
        var best = -1;
        var bestRise = double.MaxValue;
        foreach (var b in occupants)
        {
            var jobB = problem.Jobs[b];
            if (jobB.Team == t || jobB.Workers != workers || jobB.RejectionAt(from) is not null)
            {
                continue;
            }
            var rise = jobB.ApproxCost(from) - (double)solution.CostOf[b];
            if (rise < bestRise && (jobB.Team < 0 || SafeMargin.Below(rise) <= solution.Ledger.BudgetLeft[jobB.Team]))
            {
                best = b;
                bestRise = rise;
            }
        }
        return best;
    }

    private bool Swap(FastSolution solution, int a, int b)
    {
        int poolA = solution.PoolOf[a], poolB = solution.PoolOf[b];
        decimal costA = solution.CostOf[a], costB = solution.CostOf[b];
        solution.Unplace(a);
        solution.Unplace(b);
        var newA = problem.Jobs[a].Cost(poolB);
        var newB = problem.Jobs[b].Cost(poolA);
        if (solution.Ledger.Fits(problem.Jobs[a], poolB, newA))
        {
            solution.Place(a, poolB, newA);
            if (solution.Ledger.Fits(problem.Jobs[b], poolA, newB))
            {
                solution.Place(b, poolA, newB);
                return true;
            }
            solution.Unplace(a);
        }
        solution.Place(a, poolA, costA);
        solution.Place(b, poolB, costB);
        return false;
    }

    private static List<int>[] Occupants(FastSolution solution, int pools)
    {
        var occupants = Enumerable.Range(0, pools).Select(_ => new List<int>()).ToArray();
        for (var j = 0; j < solution.PoolOf.Length; j++)
        {
            if (solution.PoolOf[j] >= 0)
            {
                occupants[solution.PoolOf[j]].Add(j);
            }
        }
        return occupants;
    }
}
