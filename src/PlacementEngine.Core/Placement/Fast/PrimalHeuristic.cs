namespace PlacementEngine.Core;

/// <summary>
/// Turns dual prices into a feasible plan. Jobs go in order of what placing them is worth under the prices
/// (penalty minus best reduced cost), so contested pools go first to the jobs that lose most without them; each
/// takes its listed pool of least reduced cost that still fits. Jobs left over then take any eligible pool that fits.
/// </summary>
internal sealed class PrimalHeuristic(PreparedProblem problem, CandidateList[] lists)
{
    private readonly double[] _worth = new double[problem.Jobs.Length];
    private readonly int[] _order = new int[problem.Jobs.Length];
    private readonly int[] _noRoomFrom = new int[problem.ClassCount];

    public FastSolution Build(DualPrices duals, CandidateTable table)
    {
        JobChunks.Run(problem.Jobs.Length, (_, from, to) => Worth(duals, table, from, to));
        Array.Sort(_order, (a, b) =>
        {
            var byWorth = _worth[b].CompareTo(_worth[a]);
            return byWorth != 0 ? byWorth : a.CompareTo(b);
        });
        var solution = new FastSolution(problem);
        foreach (var j in _order)
        {
            PlaceBestListed(solution, j, duals);
        }
        FillPending(solution);
        return solution;
    }

    /// <summary>What placing each job is worth under the prices: its penalty minus its least reduced cost.</summary>
    private void Worth(DualPrices duals, CandidateTable table, int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            var factor = duals.CostFactor(table.Team[j]);
            var value = problem.PenaltyD[j];
            for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
            {
                value = Math.Min(value, (factor * table.Cost[e]) + (table.Workers[j] * duals.PerNode[table.Pool[e]]));
            }
            _worth[j] = problem.PenaltyD[j] - value;
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
