namespace PlacementEngine.Core;

/// <summary>
/// The exact cost of the dearest eligible candidate over all jobs: what <see cref="ProblemObjective"/> derives the
/// penalty unit from. Each job's dearest node-hour price gives a first answer; only jobs whose cost could still
/// exceed it (through egress or spot risk) are priced pool by pool.
/// </summary>
internal static class DearestCandidate
{
    public static decimal? Of(IReadOnlyList<JobFacts> jobs, FleetIndex index)
    {
        decimal? dearest = null;
        var last = new int[jobs.Count];
        for (var j = 0; j < jobs.Count; j++)
        {
            last[j] = LastEligible(jobs[j]);
            if (last[j] >= 0)
            {
                var cost = jobs[j].Cost(last[j]);
                dearest = dearest is { } d ? Math.Max(d, cost) : cost;
            }
        }
        if (dearest is null)
        {
            return null;
        }

        var maxSpotRate = index.SpotRateD.DefaultIfEmpty(0d).Max();
        for (var j = 0; j < jobs.Count; j++)
        {
            if (last[j] < 0)
            {
                continue;
            }
            var job = jobs[j];
            var hourly = index.HourlyD[last[j]];
            var ceiling = (hourly * job.NodeHoursD) + (hourly * maxSpotRate * job.SpotFactorD) + job.MaxEgressD;
            if (!CouldExceed(ceiling, dearest.Value))
            {
                continue;
            }
            foreach (var pool in job.EligiblePools())
            {
                if (CouldExceed(job.ApproxCost(pool), dearest.Value))
                {
                    dearest = Math.Max(dearest.Value, job.Cost(pool));
                }
            }
        }
        return dearest;
    }

    private static int LastEligible(JobFacts job)
    {
        for (var i = job.CapEnd - 1; i >= 0; i--)
        {
            var pool = job.Class.Eligible[i];
            if (!job.IsBlocked(pool))
            {
                return pool;
            }
        }
        return -1;
    }

    private static bool CouldExceed(double approx, decimal exact) => SafeMargin.Above(approx) >= exact;
}
