namespace PlacementEngine.Core;

/// <summary>
/// A job's cheapest pool among all its eligible ones that fits a ledger, exactly: pools come in ascending price per
/// node-hour, so once a pool's compute term alone costs more than the best fit found, no later pool can beat it.
/// </summary>
internal static class CheapestFit
{
    /// <param name="ledger">What must still fit; null for the cheapest eligible pool whatever the plan holds.</param>
    /// <returns>The pool index, or -1 when no eligible pool fits.</returns>
    public static int Find(JobFacts job, JointLedger? ledger, out decimal cost)
    {
        var best = -1;
        cost = 0m;
        // Nothing costing more than the team has left can fit; nothing costing more than the best fit can beat it.
        var limit = ledger is not null && job.Team >= 0 ? ledger.BudgetLeft[job.Team] : decimal.MaxValue;
        var eligible = job.Class.Eligible;
        for (var i = 0; i < job.CapEnd; i++)
        {
            var pool = eligible[i];
            if ((ledger is not null && !ledger.FitsResources(job, pool)) || job.IsBlocked(pool))
            {
                continue;
            }
            var compute = job.Compute(pool);
            if (compute > limit || (best >= 0 && compute > cost))
            {
                break;
            }
            // Egress or spot risk may leave a pool of lower price dearer in all: the floating-point cost tells most
            // such pools without the exact one.
            if (best >= 0 && SafeMargin.Below(job.ApproxCost(pool)) > cost)
            {
                continue;
            }
            var exact = job.Cost(pool);
            if ((best < 0 || exact < cost || (exact == cost && IsNamedBefore(job, pool, best))) && exact <= limit)
            {
                best = pool;
                cost = exact;
            }
        }
        return best;
    }

    /// <summary>
    /// The cost of the job's cheapest eligible pool whatever the plan holds, in floating point (for orderings and
    /// estimates, never for the plan); <see cref="double.MaxValue"/> when it has none.
    /// </summary>
    public static double ApproxLeast(JobFacts job)
    {
        var least = double.MaxValue;
        var eligible = job.Class.Eligible;
        for (var i = 0; i < job.CapEnd; i++)
        {
            var pool = eligible[i];
            if (job.IsBlocked(pool))
            {
                continue;
            }
            if (job.ApproxCompute(pool) > least)
            {
                break;
            }
            least = Math.Min(least, job.ApproxCost(pool));
        }
        return least;
    }

    // Equal costs go to the pool whose name sorts first, as PlacementProblem.CandidatesFor orders them.
    private static bool IsNamedBefore(JobFacts job, int pool, int other) =>
        string.CompareOrdinal(job.PoolName(pool), job.PoolName(other)) < 0;
}
