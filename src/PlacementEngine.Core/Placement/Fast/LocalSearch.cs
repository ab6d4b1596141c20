namespace PlacementEngine.Core;

/// <summary>
/// Improves a feasible plan by moves that each lower the objective, keeping every joint constraint:
/// - insertion: a pending job takes a listed pool after one of the pool's jobs moves to another pool with room;
/// - eviction: a pending job takes a listed pool from jobs worth less (their penalties minus costs), which then go
///   wherever they still fit, kept only when the objective falls;
///   (for both, when the pool has the nodes but its cluster's GPU cap is spent, the jobs in the way are the cluster's:
///   <see cref="Blocking"/>)
/// - cheaper pool: a placed job moves to a cheaper listed pool with room.
/// Each move is tried on the plan and undone when it does not pay, so every check is the ledger's own.
/// </summary>
internal sealed partial class LocalSearch(PreparedProblem problem, CandidateList[] lists)
{
    private const int MaxPasses = 4;
    private const int OccupantsTried = 8;

    private readonly List<(int Job, int Pool, decimal Cost)> _undo = [];
    private readonly List<int> _evictable = [];
    private List<int>[] _occupants = [];
    private long _budget;

    /// <param name="workBudget">Ledger checks the search may make; it stops where it is once they are spent.</param>
    public void Improve(FastSolution solution, long workBudget, CancellationToken cancellationToken)
    {
        _budget = workBudget;
        _occupants = [.. Enumerable.Range(0, problem.Index.PoolCount).Select(_ => new List<int>())];
        for (var j = 0; j < solution.PoolOf.Length; j++)
        {
            if (solution.PoolOf[j] >= 0)
            {
                _occupants[solution.PoolOf[j]].Add(j);
            }
        }
        for (var pass = 0; pass < MaxPasses && _budget > 0; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = solution.Objective;
            InsertPending(solution);
            MoveToCheaperPools(solution);
            if (solution.Objective >= before)
            {
                break;
            }
        }
    }

    private void InsertPending(FastSolution solution)
    {
        var pending = Enumerable.Range(0, problem.Jobs.Length).Where(j => !solution.IsPlaced(j))
            .OrderByDescending(j => problem.Penalty[j]).ThenBy(j => j).ToList();
        foreach (var u in pending)
        {
            if (solution.IsPlaced(u))
            {
                continue;
            }
            var list = lists[u];
            for (var i = 0; i < list.Count && !solution.IsPlaced(u) && _budget > 0; i++)
            {
                if (!TryRelocateOccupant(solution, u, list, i))
                {
                    TryEvict(solution, u, list, i);
                }
            }
        }
    }

    /// <summary>
    /// Moves one job out of the way of <paramref name="u"/>'s entry <paramref name="i"/> to a pool with room, so that
    /// u fits: out of the pool when it lacks nodes, or out of the cluster when its GPU cap is what stops u.
    /// </summary>
    private bool TryRelocateOccupant(FastSolution solution, int u, CandidateList uList, int i)
    {
        var pool = uList.Pools[i];
        var blocking = Blocking(solution, u, pool);
        var occupants = Occupants(blocking, pool);
        var missing = Needed(u, pool, blocking) - Have(solution, pool, blocking);
        for (var o = 0; o < occupants.Count && o < OccupantsTried * 2; o++)
        {
            var v = occupants[o];
            if (Frees(solution, v, blocking) < missing)
            {
                continue;
            }
            var vList = lists[v];
            for (var k = 0; k < vList.Count; k++)
            {
                _budget--;
                var target = vList.Pools[k];
                if (target == pool || (blocking == Blocker.Cap && problem.Index.CapKeyOf[target] == problem.Index.CapKeyOf[pool])
                    || !solution.Ledger.FitsResources(problem.Jobs[v], target)
                    || !solution.Ledger.FitsBudget(problem.Jobs[v], vList.Exact(k) - SameTeamRefund(solution, v)))
                {
                    continue;
                }
                var before = solution.Objective;
                Begin();
                Move(solution, v, target, vList.Exact(k));
                var cost = uList.Exact(i);
                if (solution.Ledger.Fits(problem.Jobs[u], pool, cost))
                {
                    Place(solution, u, pool, cost);
                    if (solution.Objective < before)
                    {
                        return true;
                    }
                }
                Rollback(solution);
            }
        }
        return false;
    }

    /// <summary>
    /// Evicts the least valuable jobs in the way of <paramref name="u"/>'s entry <paramref name="i"/> (the pool's, or
    /// the cluster's when its GPU cap is what stops u) until u fits, if that pays.
    /// </summary>
    private void TryEvict(FastSolution solution, int u, CandidateList uList, int i)
    {
        var pool = uList.Pools[i];
        var blocking = Blocking(solution, u, pool);
        // Screened on the floating-point cost; what is kept is decided on the exact objective.
        var worthU = problem.Penalty[u] - (decimal)uList.Costs[i];
        _evictable.Clear();
        var freed = Have(solution, pool, blocking);
        foreach (var v in Occupants(blocking, pool))
        {
            if (Worth(solution, v) < worthU)
            {
                _evictable.Add(v);
                freed += Frees(solution, v, blocking);
            }
        }
        if (_evictable.Count == 0 || freed < Needed(u, pool, blocking))
        {
            return;
        }
        _evictable.Sort((a, b) =>
        {
            var byWorth = WorthPer(solution, a, blocking).CompareTo(WorthPer(solution, b, blocking));
            return byWorth != 0 ? byWorth : a.CompareTo(b);
        });
        var cost = uList.Exact(i);
        var before = solution.Objective;
        Begin();
        var evicted = new List<int>();
        foreach (var v in _evictable)
        {
            Unplace(solution, v);
            evicted.Add(v);
            if (solution.Ledger.Fits(problem.Jobs[u], pool, cost) || evicted.Count == OccupantsTried)
            {
                break;
            }
        }
        if (!solution.Ledger.Fits(problem.Jobs[u], pool, cost))
        {
            Rollback(solution);
            return;
        }
        Place(solution, u, pool, cost);
        foreach (var v in evicted.OrderByDescending(v => problem.Penalty[v]))
        {
            var target = CheapestFit.Find(problem.Jobs[v], solution.Ledger, out var vCost);
            if (target >= 0)
            {
                Place(solution, v, target, vCost);
            }
        }
        if (solution.Objective >= before)
        {
            Rollback(solution);
        }
    }

    /// <summary>What leaving the job pending would cost the objective: its penalty minus what it costs where it is.</summary>
    private decimal Worth(FastSolution solution, int job) => problem.Penalty[job] - solution.CostOf[job];

    private decimal WorthPer(FastSolution solution, int job, Blocker blocking) => Worth(solution, job) / Math.Max(1, Frees(solution, job, blocking));

    private void MoveToCheaperPools(FastSolution solution)
    {
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            var current = solution.PoolOf[j];
            if (current < 0)
            {
                continue;
            }
            var list = lists[j];
            var best = -1;
            var bestCost = solution.CostOf[j];
            var job = problem.Jobs[j];
            for (var i = 0; i < list.Count; i++)
            {
                // The floating-point cost screens; only a pool that might be cheaper gets its exact cost.
                if (list.Pools[i] == current || SafeMargin.Below(list.Costs[i]) >= bestCost || !solution.Ledger.FitsResources(job, list.Pools[i]))
                {
                    continue;
                }
                var exact = list.Exact(i);
                if (exact < bestCost && solution.Ledger.FitsBudget(job, exact - SameTeamRefund(solution, j)))
                {
                    best = i;
                    bestCost = exact;
                }
            }
            if (best >= 0)
            {
                _undo.Clear();
                Move(solution, j, list.Pools[best], list.Exact(best));
            }
        }
    }

    // A job moving within its own team's budget gets its current cost back first.
    private decimal SameTeamRefund(FastSolution solution, int moving) => problem.Jobs[moving].Team >= 0 ? solution.CostOf[moving] : 0m;
}
