namespace PlacementEngine.Core;

/// <summary>
/// The Lagrangian lower bound at given prices, rigorous: prices are rounded down to whole millionths (still
/// non-negative, so still a valid bound, and exact in decimal), listed candidates are valued in exact decimals,
/// and unlisted pools either are shown unable to matter or are scanned, stepping down by <see cref="SafeMargin"/>.
/// </summary>
internal sealed class BoundEvaluator(PreparedProblem problem, CandidateList[] lists)
{
    private readonly UnlistedScan[] _scans = [.. Enumerable.Range(0, JobChunks.Count).Select(_ => new UnlistedScan(problem))];
    private readonly UnlistedFloors _floors = new(problem);

    public decimal Evaluate(DualPrices prices)
    {
        var index = problem.Index;
        var pool = prices.Pool.Select(RoundDown).ToArray();
        var cap = prices.Cap.Select(RoundDown).ToArray();
        var team = prices.Team.Select(RoundDown).ToArray();
        var capNode = prices.CapNode.Select(RoundDown).ToArray();
        var rounded = new DualPrices(index, team.Length);
        Copy(pool, rounded.Pool);
        Copy(cap, rounded.Cap);
        Copy(team, rounded.Team);
        Copy(capNode, rounded.CapNode);
        rounded.Refresh();
        _floors.Refresh(rounded);
        var perNode = new decimal[index.PoolCount];
        for (var p = 0; p < perNode.Length; p++)
        {
            var capKey = index.CapKeyOf[p];
            perNode[p] = capKey < 0 ? pool[p] : pool[p] + (cap[capKey] * index.GpusOf[p]) + capNode[capKey];
        }

        var sums = new decimal[JobChunks.Count];
        JobChunks.Run(problem.Jobs.Length, (chunk, from, to) => sums[chunk] = JobTerms(rounded, team, perNode, _scans[chunk], from, to));
        var bound = sums.Sum();

        var empty = problem.Empty;
        for (var p = 0; p < pool.Length; p++)
        {
            bound -= pool[p] * empty.FreeNodes[p];
        }
        for (var k = 0; k < cap.Length; k++)
        {
            bound -= cap[k] * Math.Max(0, empty.GpusLeft[k]);
            bound -= capNode[k] * problem.CapNodeLimit[k];
        }
        for (var t = 0; t < team.Length; t++)
        {
            bound -= team[t] * Math.Max(0m, empty.BudgetLeft[t]);
        }
        return bound;
    }

    /// <summary>Σ over the chunk's jobs of min(penalty, least reduced cost over every pool that could take it).</summary>
    private decimal JobTerms(DualPrices rounded, decimal[] team, decimal[] perNode, UnlistedScan scan, int from, int to)
    {
        var sum = 0m;
        Span<(int Pool, double Reduced)> cheapest = stackalloc (int, double)[1];
        for (var j = from; j < to; j++)
        {
            var job = problem.Jobs[j];
            var list = lists[j];
            var factor = job.Team < 0 ? 1m : 1m + team[job.Team];
            var value = Math.Min(problem.Penalty[j], ListedMinimum(job, list, rounded, factor, perNode));
            if (SafeMargin.Below(_floors.Of(job, list, rounded)) < value
                && scan.Cheapest(job, list, rounded, double.PositiveInfinity, cheapest) > 0)
            {
                value = Math.Min(value, SafeMargin.Below(cheapest[0].Reduced, (double)factor));
            }
            sum += value;
        }
        return sum;
    }

    /// <summary>The least exact reduced cost over the list; floating point only picks which ones to compute exactly.</summary>
    private static decimal ListedMinimum(JobFacts job, CandidateList list, DualPrices rounded, decimal factor, decimal[] perNode)
    {
        if (list.Count == 0)
        {
            return decimal.MaxValue;
        }
        var factorD = (double)factor;
        var lowest = double.PositiveInfinity;
        for (var i = 0; i < list.Count; i++)
        {
            lowest = Math.Min(lowest, (factorD * list.Costs[i]) + (job.Workers * rounded.PerNode[list.Pools[i]]));
        }
        var cutoff = SafeMargin.Above(lowest, factorD);
        var exact = decimal.MaxValue;
        for (var i = 0; i < list.Count; i++)
        {
            var approx = (factorD * list.Costs[i]) + (job.Workers * rounded.PerNode[list.Pools[i]]);
            if ((decimal)approx <= cutoff)
            {
                exact = Math.Min(exact, (factor * list.Exact(i)) + (job.Workers * perNode[list.Pools[i]]));
            }
        }
        return exact;
    }

    private static decimal RoundDown(double price) =>
        price <= 0 ? 0m : decimal.Round((decimal)Math.Min(price, 1e15), 6, MidpointRounding.ToZero);

    private static void Copy(decimal[] from, double[] to)
    {
        for (var i = 0; i < from.Length; i++)
        {
            to[i] = (double)from[i];
        }
    }
}
