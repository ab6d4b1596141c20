namespace PlacementEngine.Core;

/// <summary>
/// Lower bounds, per job, on the reduced cost of every pool the job does not list, so that only jobs whose unlisted
/// pools might matter are scanned. Two bounds, the larger wins:
/// - the list's cost floor plus the class's lowest price per node (cheap, loose when prices vary);
/// - per class, the lower envelope over its pools of (price per node + hourly price x a): a job's reduced cost on a
///   pool is at least its nodes x that line at a = (budget factor x hours), since egress and spot risk only add.
/// </summary>
internal sealed class UnlistedFloors
{
    private readonly PreparedProblem _problem;
    private readonly RequirementClass[] _classes;
    private readonly double[] _lowestPrice;
    private readonly List<(double Slope, double Intercept)>[] _envelopes;

    public UnlistedFloors(PreparedProblem problem)
    {
        _problem = problem;
        _classes = [.. problem.Jobs.Select(j => j.Class).DistinctBy(c => c.Id)];
        _lowestPrice = new double[problem.ClassCount];
        _envelopes = [.. Enumerable.Range(0, problem.ClassCount).Select(_ => new List<(double, double)>())];
    }

    public void Refresh(DualPrices duals)
    {
        var free = _problem.Empty.FreeNodes;
        var hourly = _problem.Index.HourlyD;
        foreach (var requirement in _classes)
        {
            var lowest = double.PositiveInfinity;
            var envelope = _envelopes[requirement.Id];
            envelope.Clear();
            // Steepest line first: the envelope of a minimum runs from steep (small a) to flat (large a).
            var eligible = requirement.Eligible;
            for (var i = eligible.Length - 1; i >= 0; i--)
            {
                var pool = eligible[i];
                if (free[pool] <= 0)
                {
                    continue;
                }
                lowest = Math.Min(lowest, duals.PerNode[pool]);
                AddLine(envelope, hourly[pool], duals.PerNode[pool]);
            }
            _lowestPrice[requirement.Id] = lowest;
        }
    }

    /// <summary>No unlisted pool gives the job a lower reduced cost than this (in floating point).</summary>
    public double Of(JobFacts job, CandidateList list, DualPrices duals)
    {
        if (list.IsComplete)
        {
            return double.PositiveInfinity;
        }
        var lowestPrice = _lowestPrice[job.Class.Id];
        if (double.IsPositiveInfinity(lowestPrice))
        {
            // No pool of the class has a free node: nothing unlisted can take the job.
            return double.PositiveInfinity;
        }
        var factor = duals.CostFactor(job.Team);
        var byFloor = (factor * (double)list.Floor) + (job.Workers * lowestPrice);
        if (job.Workers <= 0)
        {
            return byFloor;
        }
        var a = factor * job.NodeHoursD / job.Workers;
        var lowest = double.PositiveInfinity;
        foreach (var (slope, intercept) in _envelopes[job.Class.Id])
        {
            lowest = Math.Min(lowest, intercept + (a * slope));
        }
        return Math.Max(byFloor, job.Workers * lowest);
    }

    private static void AddLine(List<(double Slope, double Intercept)> envelope, double slope, double intercept)
    {
        if (envelope.Count > 0 && envelope[^1].Slope == slope)
        {
            if (envelope[^1].Intercept <= intercept)
            {
                return;
            }
            envelope.RemoveAt(envelope.Count - 1);
        }
        // Lines come steepest first; one is dropped once it is nowhere below both neighbours for a >= 0.
        while (envelope.Count >= 1 && envelope[^1].Intercept >= intercept)
        {
            envelope.RemoveAt(envelope.Count - 1);
        }
        while (envelope.Count >= 2 && Redundant(envelope[^2], envelope[^1], (slope, intercept)))
        {
            envelope.RemoveAt(envelope.Count - 1);
        }
        envelope.Add((slope, intercept));
    }

    // With slopes s1 > s2 > s3, line 2 matters only if it crosses line 1 before line 3 does.
    private static bool Redundant((double Slope, double Intercept) l1, (double Slope, double Intercept) l2, (double Slope, double Intercept) l3) =>
        (l3.Intercept - l1.Intercept) * (l1.Slope - l2.Slope) <= (l2.Intercept - l1.Intercept) * (l1.Slope - l3.Slope);
}
