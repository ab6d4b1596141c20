namespace PlacementEngine.Core;

internal sealed partial class CoordinateAscent
{
    private void UpdateCap(CandidateTable table, DualPrices duals, int k)
    {
        var index = _problem.Index;
        NextMark();
        var count = 0;
        foreach (var p in _problem.Index.PoolsOfCap[k])
        {
            for (var i = table.PoolStart[p]; i < table.PoolStart[p + 1]; i++)
            {
                var j = table.JobOf[table.PoolEntries[i]];
                if (_jobMark[j] == _mark)
                {
                    continue;
                }
                _jobMark[j] = _mark;
                var workers = table.Workers[j];
                var factor = duals.CostFactor(table.Team[j]);
                var other = LeastReduced(table, duals, j, -1, k, factor);
                // The job keeps some pool of the cap below the highest of its pools' break-even prices per GPU.
                var breakEven = 0d;
                var gpus = 0d;
                for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
                {
                    var q = table.Pool[e];
                    var perGpu = workers * index.GpusOf[q];
                    if (index.CapKeyOf[q] != k || perGpu <= 0)
                    {
                        continue;
                    }
                    var withoutPrice = (factor * table.Cost[e]) + (workers * (duals.PerNode[q] - (duals.Cap[k] * index.GpusOf[q])));
                    var candidate = (other - withoutPrice) / perGpu;
                    if (candidate > breakEven)
                    {
                        breakEven = candidate;
                        gpus = perGpu;
                    }
                }
                if (breakEven > 0)
                {
                    Push(ref count, breakEven, gpus);
                }
            }
        }
        var price = PriceWhereDemandFits(count, _gpusLeft[k]);
        var change = price - duals.Cap[k];
        duals.Cap[k] = price;
        foreach (var p in _problem.Index.PoolsOfCap[k])
        {
            duals.PerNode[p] += change * index.GpusOf[p];
        }
    }

    /// <summary>The job's penalty or least reduced cost, leaving out one pool or one cap's pools (-1: none).</summary>
    private double LeastReduced(CandidateTable table, DualPrices duals, int j, int skipPool, int skipCap, double factor)
    {
        var best = _problem.PenaltyD[j];
        var workers = table.Workers[j];
        var capOf = _problem.Index.CapKeyOf;
        for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
        {
            var pool = table.Pool[e];
            if (pool == skipPool || (skipCap >= 0 && capOf[pool] == skipCap))
            {
                continue;
            }
            best = Math.Min(best, (factor * table.Cost[e]) + (workers * duals.PerNode[pool]));
        }
        return best;
    }

    private void NextMark()
    {
        if (++_mark == int.MaxValue)
        {
            Array.Clear(_jobMark);
            _mark = 1;
        }
    }
}
