namespace PlacementEngine.Core;

/// <summary>
/// Seats pending jobs on any pool they are eligible for, not only on the pools they list: the lists hold a job's
/// cheapest pools, while on budget-bound instances the room is elsewhere. A pending job takes the node of a placed job
/// on one of its pools when that job either moves to its cheapest pool with room anywhere (M seed 6: jobs of teams
/// without a budget belong on the dear pools only teams out of money could otherwise use) or, being of less penalty,
/// waits (L seed 5: jobs of a team out of money displace its own cheap jobs, whose money pays for them). Each move is
/// kept only when the objective falls.
/// </summary>
internal sealed class PendingEviction(PreparedProblem problem)
{
    private readonly Dictionary<(int Class, int Workers), int> _noRoomAt = [];
    private readonly Dictionary<(int Class, int Workers, int Team, decimal Penalty), int> _failedAt = [];
    private List<int>[] _occupants = [];
    // Counts the moves kept: what was found impossible at one count may be possible after the next move.
    private int _moves;

    /// <summary>Improves the solution in place; returns how many pending jobs it placed.</summary>
    public int Improve(FastSolution solution)
    {
        _occupants = [.. Enumerable.Range(0, problem.Index.PoolCount).Select(_ => new List<int>())];
        for (var j = 0; j < solution.PoolOf.Length; j++)
        {
            if (solution.IsPlaced(j))
            {
                _occupants[solution.PoolOf[j]].Add(j);
            }
        }
        // Most penalty first; among equals the cheapest, whose failure says most about the dearer ones after it.
        var pending = Enumerable.Range(0, problem.Jobs.Length).Where(j => !solution.IsPlaced(j))
            .OrderByDescending(j => problem.Penalty[j]).ThenBy(j => problem.Jobs[j].NodeHours).ThenBy(j => j).ToList();
        var placed = 0;
        foreach (var u in pending)
        {
            var job = problem.Jobs[u];
            var key = (job.Class.Id, job.Workers, job.Team, problem.Penalty[u]);
            if (_failedAt.TryGetValue(key, out var at) && at == _moves)
            {
                continue;
            }
            if (TryPlace(solution, u))
            {
                placed++;
                _moves++;
            }
            else
            {
                _failedAt[key] = _moves;
            }
        }
        return placed;
    }

    private bool TryPlace(FastSolution solution, int u)
    {
        var job = problem.Jobs[u];
        foreach (var pool in job.EligiblePools())
        {
            var missing = job.Workers - solution.Ledger.FreeNodes[pool];
            var occupants = _occupants[pool];
            for (var o = 0; o < occupants.Count; o++)
            {
                var v = occupants[o];
                if (problem.Jobs[v].Workers >= missing && TryDisplace(solution, u, v, pool))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>u takes v's place on the pool; v moves to its cheapest pool with room, or waits. Undone unless the objective falls.</summary>
    private bool TryDisplace(FastSolution solution, int u, int v, int pool)
    {
        var job = problem.Jobs[u];
        var other = problem.Jobs[v];
        var relocating = !(_noRoomAt.TryGetValue((other.Class.Id, other.Workers), out var at) && at == _moves);
        if (!relocating && problem.Penalty[v] >= problem.Penalty[u])
        {
            return false;
        }
        var cost = job.Cost(pool);
        var vCost = solution.CostOf[v];
        if (job.Team >= 0 && cost > solution.Ledger.BudgetLeft[job.Team] + (other.Team == job.Team ? vCost : 0m))
        {
            return false;
        }
        var before = solution.Objective;
        solution.Unplace(v);
        if (!solution.Ledger.Fits(job, pool, cost))
        {
            solution.Place(v, pool, vCost);
            return false;
        }
        solution.Place(u, pool, cost);
        var targetCost = 0m;
        var target = relocating ? CheapestFit.Find(other, solution.Ledger, out targetCost) : -1;
        if (target >= 0)
        {
            solution.Place(v, target, targetCost);
        }
        else if (relocating && other.Team < 0)
        {
            // Without a budget, only room stopped it: jobs like it have none either until a move frees some.
            _noRoomAt[(other.Class.Id, other.Workers)] = _moves;
        }
        // Trading a job for another of the same penalty only shuffles money: not worth the churn.
        if (solution.Objective < before && (target >= 0 || problem.Penalty[v] < problem.Penalty[u]))
        {
            _occupants[pool].Remove(v);
            _occupants[pool].Add(u);
            if (target >= 0)
            {
                _occupants[target].Add(v);
            }
            return true;
        }
        if (target >= 0)
        {
            solution.Unplace(v);
        }
        solution.Unplace(u);
        solution.Place(v, pool, vCost);
        return false;
    }
}
