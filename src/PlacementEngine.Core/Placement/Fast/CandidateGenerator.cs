namespace PlacementEngine.Core;

/// <summary>
/// Finds a job's k cheapest pools among those that could take it on an empty plan, without pricing the rest: pools
/// come in ascending price per node-hour and the compute term alone bounds a pool's cost from below, so the scan
/// stops at the first pool whose compute already costs more than the k-th cheapest found. Not thread-safe (it
/// reuses its heap); use one per thread.
/// </summary>
internal sealed class CandidateGenerator(JointLedger empty)
{
    /// <summary>Whether a floating-point cost is over the team's whole remaining budget by more than it could err.</summary>
    public static bool CertainlyOverBudget(JobFacts job, double cost, JointLedger empty) =>
        job.Team >= 0 && SafeMargin.Below(cost) > empty.BudgetLeft[job.Team];

    private readonly PriorityQueue<int, double> _dearestFirst = new();

    public CandidateList Cheapest(JobFacts job, int k)
    {
        _dearestFirst.Clear();
        var stoppedAt = -1;
        var leftOut = false;
        var eligible = job.Class.Eligible;
        for (var i = 0; i < job.CapEnd; i++)
        {
            var pool = eligible[i];
            if (job.IsBlocked(pool) || !empty.FitsResources(job, pool))
            {
                continue;
            }
            if (_dearestFirst.Count < k)
            {
                _dearestFirst.Enqueue(pool, -job.ApproxCost(pool));
                continue;
            }
            _dearestFirst.TryPeek(out _, out var negativeDearest);
            if (job.ApproxCompute(pool) >= -negativeDearest)
            {
                stoppedAt = pool;
                break;
            }
            leftOut = true;
            var cost = job.ApproxCost(pool);
            if (cost < -negativeDearest)
            {
                _dearestFirst.DequeueEnqueue(pool, -cost);
            }
        }

        var found = new (double Cost, int Pool)[_dearestFirst.Count];
        for (var i = found.Length - 1; _dearestFirst.TryDequeue(out var pool, out var negativeCost); i--)
        {
            found[i] = (-negativeCost, pool);
        }
        Array.Sort(found);

        var list = new CandidateList(job, found.Length);
        foreach (var (cost, pool) in found)
        {
            if (!CertainlyOverBudget(job, cost, empty))
            {
                list.Add(pool, cost);
            }
        }
        // Pools after the stop cost at least its compute term; pools pushed out of the heap cost about as much as
        // the dearest kept. The margin covers floating-point ranking and the per-term rounding to a millionth.
        var floor = decimal.MaxValue;
        if (stoppedAt >= 0)
        {
            floor = SafeMargin.Below(job.Compute(stoppedAt));
        }
        if (leftOut && found.Length > 0)
        {
            floor = Math.Min(floor, SafeMargin.Below(found[^1].Cost));
        }
        list.Floor = floor;
        return list;
    }
}
