namespace PlacementEngine.Core;

/// <summary>Pending jobs of a team with money but no room: they take the seats of jobs of less penalty.</summary>
internal sealed partial class TeamKnapsack
{
    /// <summary>
    /// Pending job <paramref name="u"/> of team <paramref name="t"/>, which no pool has room for, takes the seat of a
    /// placed job of less penalty on the cheapest pool the team can pay for; that job waits and its money goes back to
    /// its team. On full fleets this is what turns money the seat trades saved into placed jobs (L seed 5 contended: a
    /// team out of money paid for dear seats while jobs of twice its penalty waited, and with nowhere to put them the
    /// money the trades saved bought nothing). Kept only when the objective falls.
    /// </summary>
    private bool TakeSeat(FastSolution solution, int t, int u, SeatTakers seats)
    {
        var job = problem.Jobs[u];
        var money = solution.Ledger.BudgetLeft[t];
        var key = (job.Class.Id, job.Workers, problem.Penalty[u]);
        if (seats.FailedWith.TryGetValue(key, out var failedWith) && money <= failedWith)
        {
            return false;
        }
        foreach (var pool in job.EligiblePools())
        {
            // Eligible pools come in ascending price per node-hour and the compute term bounds the cost from below.
            if (job.Compute(pool) > money)
            {
                break;
            }
            var cost = job.Cost(pool);
            var v = cost <= money ? LeastWorthOccupant(solution, seats.At[pool], pool, u) : -1;
            if (v < 0 || problem.Penalty[u] - cost <= problem.Penalty[v] - solution.CostOf[v])
            {
                continue;
            }
            var vCost = solution.CostOf[v];
            solution.Unplace(v);
            if (solution.Ledger.Fits(job, pool, cost))
            {
                solution.Place(u, pool, cost);
                seats.At[pool].Remove(v);
                seats.At[pool].Add(u);
                return true;
            }
            solution.Place(v, pool, vCost);
        }
        seats.FailedWith[key] = money;
        return false;
    }

    /// <summary>The job on the pool of least penalty (the dearest among equals) that frees enough nodes and weighs less than u; -1 when none.</summary>
    private int LeastWorthOccupant(FastSolution solution, List<int> occupants, int pool, int u)
    {
        var missing = problem.Jobs[u].Workers - solution.Ledger.FreeNodes[pool];
        var best = -1;
        foreach (var v in occupants)
        {
            // The list may hold jobs that the team's exchanges have since moved or unseated.
            if (solution.PoolOf[v] != pool || problem.Jobs[v].Workers < missing || problem.Penalty[v] >= problem.Penalty[u])
            {
                continue;
            }
            if (best < 0 || problem.Penalty[v] < problem.Penalty[best]
                || (problem.Penalty[v] == problem.Penalty[best] && solution.CostOf[v] > solution.CostOf[best]))
            {
                best = v;
            }
        }
        return best;
    }

    /// <summary>Who sits on each pool, and per (class, nodes, penalty) the money a search for a seat failed with.</summary>
    private sealed class SeatTakers(FastSolution solution, int pools)
    {
        public List<int>[] At { get; } = Occupants(solution, pools);

        public Dictionary<(int Class, int Workers, decimal Penalty), decimal> FailedWith { get; } = [];
    }
}
