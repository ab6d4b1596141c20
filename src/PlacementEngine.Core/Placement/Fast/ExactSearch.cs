namespace PlacementEngine.Core;

/// <summary>
/// Branch and bound over every eligible pool of every job, in exact decimals, for problems of a few jobs: most
/// important jobs are decided first, each tries its pools cheapest first and then pending; a branch is cut when
/// what it has decided plus, for each job still open, the least it could add (its cheapest pool or its penalty)
/// cannot beat the best plan known. When the search completes within its node budget, the plan is optimal.
/// </summary>
internal sealed class ExactSearch(PreparedProblem problem, long maxNodes)
{
    private int[] _order = [];
    private (int Pool, decimal Cost)[][] _options = [];
    private decimal[] _restLeast = [];
    private FastSolution _work = null!;
    private FastSolution _best = null!;
    private long _nodes;

    /// <summary>The best plan found, starting from <paramref name="incumbent"/>; proven when the search completed.</summary>
    public (FastSolution Best, bool Proven) Run(FastSolution incumbent)
    {
        var jobs = problem.Jobs;
        _order = [.. Enumerable.Range(0, jobs.Length).OrderByDescending(j => problem.Penalty[j]).ThenBy(j => j)];
        _options = [.. jobs.Select(Options)];
        _restLeast = new decimal[jobs.Length + 1];
        for (var k = jobs.Length - 1; k >= 0; k--)
        {
            var j = _order[k];
            var cheapest = _options[j].Length > 0 ? Math.Min(_options[j][0].Cost, problem.Penalty[j]) : problem.Penalty[j];
            _restLeast[k] = _restLeast[k + 1] + cheapest;
        }
        _best = incumbent;
        _work = new FastSolution(problem);
        _nodes = 0;
        var complete = Branch(0, 0m);
        return (_best, complete);
    }

    /// <returns>False when the node budget ran out.</returns>
    private bool Branch(int depth, decimal decided)
    {
        if (++_nodes > maxNodes)
        {
            return false;
        }
        if (depth == _order.Length)
        {
            if (decided < _best.Objective)
            {
                _best = _work.Clone();
            }
            return true;
        }
        var j = _order[depth];
        var job = problem.Jobs[j];
        var rest = _restLeast[depth + 1];
        foreach (var (pool, cost) in _options[j])
        {
            if (decided + cost + rest >= _best.Objective)
            {
                break;
            }
            if (!_work.Ledger.Fits(job, pool, cost))
            {
                continue;
            }
            _work.Place(j, pool, cost);
            var complete = Branch(depth + 1, decided + cost);
            _work.Unplace(j);
            if (!complete)
            {
                return false;
            }
        }
        return decided + problem.Penalty[j] + rest >= _best.Objective || Branch(depth + 1, decided + problem.Penalty[j]);
    }

    /// <summary>Every eligible pool that could take the job on the empty plan, cheapest first (ties by name).</summary>
    private (int Pool, decimal Cost)[] Options(JobFacts job) =>
        [.. job.EligiblePools()
            .Where(p => problem.Empty.FitsResources(job, p))
            .Select(p => (Pool: p, Cost: job.Cost(p)))
            .Where(o => problem.Empty.FitsBudget(job, o.Cost))
            .OrderBy(o => o.Cost)
            .ThenBy(o => job.PoolName(o.Pool), StringComparer.Ordinal)];
}
