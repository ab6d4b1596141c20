namespace PlacementEngine.Core;

/// <summary>
/// Prices every pool a job could use on an empty plan but does not list, under given dual prices: the pricing step of
/// column generation, and the rigorous part of the lower bound. Not thread-safe; use one per thread.
/// </summary>
internal sealed class UnlistedScan(PreparedProblem problem)
{
    private readonly int[] _listedMark = new int[problem.Index.PoolCount];
    private int _mark;

    /// <summary>
    /// The unlisted pools whose reduced cost is below <paramref name="below"/>, cheapest first, as many as
    /// <paramref name="best"/> holds; returns how many were found. Reduced costs are in floating point.
    /// </summary>
    public int Cheapest(JobFacts job, CandidateList list, DualPrices duals, double below, Span<(int Pool, double Reduced)> best)
    {
        MarkListed(list);
        var found = 0;
        var factor = duals.CostFactor(job.Team);
        var eligible = job.Class.Eligible;
        var empty = problem.Empty;
        for (var i = 0; i < job.CapEnd; i++)
        {
            var pool = eligible[i];
            if (_listedMark[pool] == _mark || !empty.FitsResources(job, pool) || job.IsBlocked(pool))
            {
                continue;
            }
            var bound = found == best.Length ? best[^1].Reduced : below;
            // The compute term and the node price alone already reach the bound: the rest of the cost only adds.
            var reduced = (factor * job.ApproxCompute(pool)) + (job.Workers * duals.PerNode[pool]);
            if (reduced >= bound)
            {
                continue;
            }
            reduced = (factor * job.ApproxCost(pool)) + (job.Workers * duals.PerNode[pool]);
            if (reduced < bound)
            {
                found = Insert(best, found, pool, reduced);
            }
        }
        return found;
    }

    private void MarkListed(CandidateList list)
    {
        if (++_mark == int.MaxValue)
        {
            Array.Clear(_listedMark);
            _mark = 1;
        }
        for (var i = 0; i < list.Count; i++)
        {
            _listedMark[list.Pools[i]] = _mark;
        }
    }

    private static int Insert(Span<(int Pool, double Reduced)> best, int found, int pool, double reduced)
    {
        var at = Math.Min(found, best.Length - 1);
        while (at > 0 && best[at - 1].Reduced > reduced)
        {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = (pool, reduced);
        return Math.Min(found + 1, best.Length);
    }
}
