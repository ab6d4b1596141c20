namespace PlacementEngine.Core;

/// <summary>
/// Column generation: under the current dual prices, adds to each job's list the unlisted pools that would beat
/// everything it lists, so that the Lagrangian over the lists converges to the one over every pool. Only jobs whose
/// <see cref="UnlistedFloors"/> bound leaves room are scanned; chunks of jobs run in parallel.
/// </summary>
internal sealed class ColumnPricing(PreparedProblem problem, CandidateList[] lists)
{
    private const int PoolsPerJob = 3;

    // Long lists slow every pass over the table; past this a job's unlisted pools are left to the bound's own scan.
    private const int MaxListLength = 64;

    private readonly UnlistedScan[] _scans = [.. Enumerable.Range(0, JobChunks.Count).Select(_ => new UnlistedScan(problem))];
    private readonly int[] _added = new int[JobChunks.Count];
    private readonly UnlistedFloors _floors = new(problem);

    /// <returns>How many pools were added over all jobs.</returns>
    public int AddColumns(DualPrices duals)
    {
        _floors.Refresh(duals);
        JobChunks.Run(problem.Jobs.Length, (chunk, from, to) => _added[chunk] = AddColumns(duals, _scans[chunk], from, to));
        return _added.Sum();
    }

    private int AddColumns(DualPrices duals, UnlistedScan scan, int from, int to)
    {
        Span<(int Pool, double Reduced)> best = stackalloc (int, double)[PoolsPerJob];
        var added = 0;
        for (var j = from; j < to; j++)
        {
            var job = problem.Jobs[j];
            var list = lists[j];
            if (list.Count >= MaxListLength)
            {
                continue;
            }
            duals.BestListed(job, list, problem.PenaltyD[j], out var value);
            if (_floors.Of(job, list, duals) >= value)
            {
                continue;
            }
            var found = scan.Cheapest(job, list, duals, value, best);
            for (var i = 0; i < found; i++)
            {
                var pool = best[i].Pool;
                var cost = job.ApproxCost(pool);
                if (!CandidateGenerator.CertainlyOverBudget(job, cost, problem.Empty))
                {
                    list.Add(pool, cost);
                    added++;
                }
            }
        }
        return added;
    }
}
