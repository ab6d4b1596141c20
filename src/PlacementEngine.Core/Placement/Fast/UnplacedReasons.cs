namespace PlacementEngine.Core;

/// <summary>
/// Why a job is left pending, in the terms <see cref="GreedySolver"/> uses. With no eligible pool: the check that
/// rejected the most pools, with an example (<see cref="Unplaced.NoEligiblePool"/>). Otherwise: which joint
/// constraint its cheapest eligible pool breaks in the final plan (capacity, GPU cap or budget).
/// </summary>
internal sealed class UnplacedReasons
{
    private readonly PreparedProblem _problem;
    private readonly CapacityLedger _ledger;
    private readonly Dictionary<int, List<int>[]> _classRejections = [];

    public UnplacedReasons(PreparedProblem problem, IEnumerable<Assignment> plan)
    {
        _problem = problem;
        _ledger = new CapacityLedger(problem.Problem);
        foreach (var assignment in plan)
        {
            _ledger.Take(assignment.Job, assignment.Candidate);
        }
    }

    public Unplaced For(JobFacts job)
    {
        if (CheapestFit.Find(job, null, out _) is var pool and >= 0)
        {
            return JointMiss(job, pool);
        }
        var (reason, detail) = DominantRejection(job);
        return new Unplaced(job.Job, reason, detail, NoEligiblePool: true);
    }

    private Unplaced JointMiss(JobFacts job, int cheapest)
    {
        // The cheapest pool explains best; should it fit after all, the next ones in cost order are asked.
        var pools = job.EligiblePools().Where(p => p != cheapest).OrderBy(job.Cost).ThenBy(job.PoolName, StringComparer.Ordinal).Prepend(cheapest);
        foreach (var pool in pools)
        {
            var candidate = Evaluate(job, pool);
            if (_ledger.Check(job.Job, candidate) is { } miss)
            {
                return new Unplaced(job.Job, miss.Reason, miss.Detail, NoEligiblePool: false);
            }
        }
        return new Unplaced(job.Job, RejectReason.Capacity, "every eligible pool has room; the solve ended before placing this job", NoEligiblePool: false);
    }

    /// <summary>
    /// Exactly what <see cref="GreedySolver.DominantRejection"/> says over <see cref="PlacementProblem.CandidatesFor"/>:
    /// the reason rejecting the most pools (ties to the lower reason), with the detail of the first such pool in
    /// candidate order (cheapest expected cost, pools without a cost last, then by name). Counts come from the class
    /// when the job has no checks of its own (blocked pools, price cap); the example costs only a few pools.
    /// </summary>
    private (RejectReason Reason, string Detail) DominantRejection(JobFacts job)
    {
        var index = _problem.Index;
        if (index.PoolCount == 0)
        {
            return (RejectReason.Capacity, "the fleet has no pools");
        }
        var byReason = job.Blocked.Length == 0 && !job.HasPriceCap ? ClassRejections(job) : Rejections(job, job.RejectionAt);
        // The most-counted reason, ties to the lower one; taints only when nothing else rejected a pool, as
        // GreedySolver.DominantRejection says.
        var top = -1;
        for (var r = 0; r < byReason.Length; r++)
        {
            if (r == (int)RejectReason.Taint || byReason[r].Count == 0)
            {
                continue;
            }
            if (top < 0 || byReason[r].Count > byReason[top].Count)
            {
                top = r;
            }
        }
        top = top < 0 ? (int)RejectReason.Taint : top;
        var detail = Evaluate(job, FirstInCandidateOrder(job, byReason[top])).Detail;
        return ((RejectReason)top, $"{byReason[top].Count} of {index.PoolCount} pools: {detail}");
    }

    private List<int>[] ClassRejections(JobFacts job)
    {
        if (!_classRejections.TryGetValue(job.Class.Id, out var byReason))
        {
            byReason = Rejections(job, pool => (RejectReason)job.Class.Stages[pool]);
            _classRejections.Add(job.Class.Id, byReason);
        }
        return byReason;
    }

    /// <summary>Per reason, the pools it rejects, in index order; only called when every pool is rejected.</summary>
    private List<int>[] Rejections(JobFacts job, Func<int, RejectReason?> reasonAt)
    {
        var byReason = Enum.GetValues<RejectReason>().Select(_ => new List<int>()).ToArray();
        for (var pool = 0; pool < _problem.Index.PoolCount; pool++)
        {
            var reason = reasonAt(pool) ?? throw new InvalidOperationException($"{job.Job.Id} has an eligible pool after all");
            byReason[(int)reason].Add(pool);
        }
        return byReason;
    }

    /// <summary>The first of <paramref name="pools"/> as candidates are ordered: by expected cost, uncosted last, then by name.</summary>
    private int FirstInCandidateOrder(JobFacts job, List<int> pools)
    {
        var best = -1;
        var bestCost = 0m;
        var uncosted = -1;
        foreach (var pool in pools)
        {
            if (!HasCost(job, pool))
            {
                if (uncosted < 0 || string.CompareOrdinal(job.PoolName(pool), job.PoolName(uncosted)) < 0)
                {
                    uncosted = pool;
                }
                continue;
            }
            // Priced pools come in ascending price: once the compute term alone costs more, none later is cheaper.
            if (best >= 0 && job.Compute(pool) > bestCost)
            {
                break;
            }
            var cost = job.Cost(pool);
            if (best < 0 || cost < bestCost || (cost == bestCost && string.CompareOrdinal(job.PoolName(pool), job.PoolName(best)) < 0))
            {
                best = pool;
                bestCost = cost;
            }
        }
        return best >= 0 ? best : uncosted;
    }

    // Eligibility prices a candidate when the pool has a price and a worker fits one of its nodes.
    private bool HasCost(JobFacts job, int pool)
    {
        var indexed = _problem.Index.Pools[pool];
        var gpus = job.Job.Spec.Worker.Gpus;
        return indexed.HasPrice && (gpus == 0 || indexed.GpusPerNode >= gpus);
    }

    private Candidate Evaluate(JobFacts job, int pool)
    {
        var indexed = _problem.Index.Pools[pool];
        return Eligibility.Evaluate(job.Job, indexed.Cluster, indexed.Pool, _problem.Index.Prices);
    }
}
