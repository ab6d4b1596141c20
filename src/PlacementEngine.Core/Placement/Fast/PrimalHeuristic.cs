namespace PlacementEngine.Core;

/// <summary>
/// Turns dual prices into a feasible plan: jobs go one by one in an order the prices give (<see cref="PlanOrder"/>),
/// each to its listed pool of least reduced cost that still fits. Jobs left over then take any eligible pool that fits.
/// </summary>
internal sealed class PrimalHeuristic(PreparedProblem problem, CandidateList[] lists)
{
    private readonly double[] _key = new double[problem.Jobs.Length];
    private readonly int[] _order = new int[problem.Jobs.Length];
    private readonly int[] _noRoomFrom = new int[problem.ClassCount];

    public FastSolution Build(DualPrices duals, CandidateTable table, PlanOrder order)
    {
        JobChunks.Run(problem.Jobs.Length, (_, from, to) => Keys(duals, table, from, to, order));
        Array.Sort(_order, (a, b) =>
        {
            var byKey = _key[b].CompareTo(_key[a]);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        var solution = new FastSolution(problem);
        foreach (var j in _order)
        {
            PlaceBestListed(solution, j, duals);
        }
        FillPending(solution);
        return solution;
    }

    /// <summary>Each job's place in the order: what placing it is worth, or what it loses without its best pool.</summary>
    private void Keys(DualPrices duals, CandidateTable table, int from, int to, PlanOrder order)
    {
        for (var j = from; j < to; j++)
        {
            var factor = duals.CostFactor(table.Team[j]);
            var best = problem.PenaltyD[j];
            var second = problem.PenaltyD[j];
            for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
            {
                var reduced = (factor * table.Cost[e]) + (table.Workers[j] * duals.PerNode[table.Pool[e]]);
                if (reduced < best)
                {
                    (second, best) = (best, reduced);
                }
                else if (reduced < second)
                {
                    second = reduced;
                }
            }
            // A job better left pending under the prices loses nothing without a pool: it goes last either way.
            _key[j] = order == PlanOrder.Worth ? problem.PenaltyD[j] - best
                : best < problem.PenaltyD[j] ? second - best : 0d;
            _order[j] = j;
        }
    }

    /// <summary>Gives every pending job, most important first, its cheapest eligible pool that still fits.</summary>
    public void FillPending(FastSolution solution)
    {
        // Free nodes only shrink during the pass: once no pool of a class has room for n nodes (or GPUs for them),
        // no later job of that class needing n or more can fit, and is skipped without a scan.
        Array.Fill(_noRoomFrom, int.MaxValue);
        foreach (var j in PendingByPenalty(solution))
        {
            var job = problem.Jobs[j];
            if (job.Workers >= _noRoomFrom[job.Class.Id])
            {
                continue;
            }
            var pool = CheapestFit.Find(job, solution.Ledger, out var cost);
            if (pool >= 0)
            {
                solution.Place(j, pool, cost);
            }
            else if (!AnyRoom(job, solution.Ledger))
            {
                _noRoomFrom[job.Class.Id] = Math.Min(_noRoomFrom[job.Class.Id], job.Workers);
            }
        }
    }

    /// <summary>Whether any pool of the job's class has the nodes and GPUs for the job, whatever its own limits.</summary>
    private static bool AnyRoom(JobFacts job, JointLedger ledger)
    {
        foreach (var pool in job.Class.Eligible)
        {
            if (ledger.FitsResources(job, pool))
            {
                return true;
            }
        }
        return false;
    }

    private List<int> PendingByPenalty(FastSolution solution)
    {
        var pending = new List<int>();
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            if (!solution.IsPlaced(j))
            {
                pending.Add(j);
            }
        }
        pending.Sort((a, b) =>
        {
            var byPenalty = problem.Penalty[b].CompareTo(problem.Penalty[a]);
            return byPenalty != 0 ? byPenalty : a.CompareTo(b);
        });
        return pending;
    }

    private void PlaceBestListed(FastSolution solution, int j, DualPrices duals)
    {
        var job = problem.Jobs[j];
        var list = lists[j];
        var ledger = solution.Ledger;
        var factor = duals.CostFactor(job.Team);
        var best = -1;
        var bestValue = double.MaxValue;
        for (var i = 0; i < list.Count; i++)
        {
            var pool = list.Pools[i];
            if (!ledger.FitsResources(job, pool))
            {
                continue;
            }
            var reduced = (factor * list.Costs[i]) + (job.Workers * duals.PerNode[pool]);
            if (reduced < bestValue && (job.Team < 0 || ledger.FitsBudget(job, list.Exact(i))))
            {
                best = i;
                bestValue = reduced;
            }
        }
        if (best >= 0)
        {
            solution.Place(j, list.Pools[best], list.Exact(best));
        }
    }
}

/// <summary>The order in which <see cref="PrimalHeuristic"/> seats jobs.</summary>
internal enum PlanOrder
{
    /// <summary>Most worth first (penalty minus least reduced cost): contested pools go to the jobs that lose most by waiting.</summary>
    Worth,

    /// <summary>
    /// Most regret first (second-least reduced cost, or the penalty, minus the least): contested seats go to the jobs
    /// that lose most by taking their next option. A team short of money values a cheap seat by its surcharge, so its
    /// jobs come before others that would do almost as well elsewhere; by worth they came last and found the cheap
    /// seats taken (M seed 9, not contended: 11,000 above the exact plan by worth, 20 above it by regret).
    /// </summary>
    Regret,
}
