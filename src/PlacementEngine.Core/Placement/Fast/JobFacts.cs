namespace PlacementEngine.Core;

/// <summary>
/// One pending job prepared for the fast path: its class, the per-job parts of eligibility (blocked pools, price cap)
/// and its cost terms, so that the exact cost on a pool is a few decimal operations with no lookups.
/// </summary>
internal sealed class JobFacts
{
    private readonly FleetIndex _index;
    private readonly decimal _hours;
    private readonly decimal _lostHours;
    private readonly decimal _gbRead;
    private readonly decimal[]? _egressRates;
    private readonly double[]? _egressD;
    private readonly Money? _priceCap;

    /// <param name="egressRates">$/GB from the job's data region to each index region; null when the job reads no data.</param>
    public JobFacts(PendingJob job, RequirementClass requirement, FleetIndex index, decimal[]? egressRates, int team)
    {
        _index = index;
        Job = job;
        Class = requirement;
        var spec = job.Spec;
        Workers = spec.Workers;
        _hours = spec.EstimatedHours;
        NodeHours = Workers * _hours;
        _lostHours = CostModel.LostHoursPerInterruption(spec) + CostModel.RestartOverheadHours;
        if (spec.Data is { GbRead: > 0m } data && egressRates is not null)
        {
            _gbRead = data.GbRead;
            _egressRates = egressRates;
            _egressD = [.. egressRates.Select(r => (double)(r * _gbRead))];
            MaxEgressD = _egressD.Max();
        }
        NodeHoursD = (double)NodeHours;
        SpotFactorD = (double)(_hours * _lostHours) * Workers * Workers;
        Team = team;
        Blocked = [.. job.BlockedPools.Select(name => index.TryGetPoolIndex(name, out var p) ? p : -1).Where(p => p >= 0).Order()];
        _priceCap = spec.MaxHourlyPrice;
        CapEnd = PriceCapEnd(spec.MaxHourlyPrice);
    }

    public PendingJob Job { get; }

    public RequirementClass Class { get; }

    /// <summary>Nodes on every eligible pool: a worker fits one node whenever the pool passes the GPU count check.</summary>
    public int Workers { get; }

    /// <summary>Nodes x hours, computed as <see cref="CostModel"/> does.</summary>
    public decimal NodeHours { get; }

    public double NodeHoursD { get; }

    /// <summary>The dearest egress this job could pay on any pool, in floating point.</summary>
    public double MaxEgressD { get; }

    /// <summary>nodes² x hours x lost hours per reclaim: spot risk per (dollar per node-hour x reclaims per node-hour).</summary>
    public double SpotFactorD { get; }

    /// <summary>Index into the problem's budget-limited teams, or -1 when the team has no budget limit.</summary>
    public int Team { get; }

    /// <summary>Pool indices reclaimed from this job before, ascending.</summary>
    public int[] Blocked { get; }

    /// <summary>How many of the class's eligible pools (a prefix, as they ascend in price) the price cap lets in.</summary>
    public int CapEnd { get; }

    public string PoolName(int pool) => _index.Pools[pool].Pool.Name;

    public bool HasPriceCap => _priceCap is not null;

    public bool IsBlocked(int pool) => Blocked.Length > 0 && Array.BinarySearch(Blocked, pool) >= 0;

    /// <summary>The first check of <see cref="Eligibility.Evaluate"/> the pool fails for this job, or null when it passes.</summary>
    public RejectReason? RejectionAt(int pool)
    {
        var stage = Class.Stages[pool];
        if (stage != RequirementClass.Pass && stage != (byte)RejectReason.NoPrice)
        {
            return (RejectReason)stage;
        }
        if (IsBlocked(pool))
        {
            return RejectReason.Blocked;
        }
        if (stage == (byte)RejectReason.NoPrice)
        {
            return RejectReason.NoPrice;
        }
        return _priceCap is { } cap && Money.Of(_index.Pools[pool].Hourly) * Workers > cap ? RejectReason.PriceCap : null;
    }

    /// <summary>The job's eligible pools in ascending price: the class's, within the price cap, not blocked.</summary>
    public IEnumerable<int> EligiblePools()
    {
        for (var i = 0; i < CapEnd; i++)
        {
            var p = Class.Eligible[i];
            if (!IsBlocked(p))
            {
                yield return p;
            }
        }
    }

    /// <summary>Equals <c>CostModel.Estimate(...).Total</c> digit for digit: same operations in the same order.</summary>
    public decimal Cost(int pool)
    {
        var p = _index.Pools[pool];
        var total = decimal.Round(p.Hourly * NodeHours, 6, MidpointRounding.ToEven);
        if (_egressRates is not null)
        {
            total += decimal.Round(_egressRates[p.RegionIndex] * _gbRead, 6, MidpointRounding.ToEven);
        }
        if (p.IsSpot)
        {
            var interruptions = p.SpotRate * Workers * _hours;
            total += decimal.Round(p.Hourly * (interruptions * _lostHours * Workers), 6, MidpointRounding.ToEven);
        }
        return total;
    }

    /// <summary>The compute term alone: no other term is negative, so it bounds the cost from below.</summary>
    public decimal Compute(int pool) => decimal.Round(_index.Pools[pool].Hourly * NodeHours, 6, MidpointRounding.ToEven);

    /// <summary><see cref="Cost"/> in floating point, for ranking; within a few millionths of a dollar of it.</summary>
    public double ApproxCost(int pool)
    {
        var hourly = _index.HourlyD[pool];
        var cost = hourly * NodeHoursD + hourly * _index.SpotRateD[pool] * SpotFactorD;
        return _egressD is null ? cost : cost + _egressD[_index.RegionOf[pool]];
    }

    public double ApproxCompute(int pool) => _index.HourlyD[pool] * NodeHoursD;

    private int PriceCapEnd(Money? cap)
    {
        var eligible = Class.Eligible;
        if (cap is not { } limit)
        {
            return eligible.Length;
        }
        // Same comparison as the eligibility check: price per node x nodes against the cap.
        int lo = 0, hi = eligible.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Money.Of(_index.Pools[eligible[mid]].Hourly) * Workers > limit)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
