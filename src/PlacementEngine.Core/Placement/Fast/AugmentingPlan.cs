namespace PlacementEngine.Core;

/// <summary>
/// A plan built the way <see cref="PlacementFlow"/> places units, but on the real ledger (whole jobs, GPU caps,
/// budgets, exact costs). Jobs go in descending penalty per node; each takes its cheapest pool that fits, and when
/// none does, an augmenting path is searched for: a placed job moves out of one of its pools to another pool of its
/// own, and so on, until a job reaches a pool with room. Every step is checked on the ledger and the whole path is
/// undone when one step does not fit or the objective does not fall.
///
/// Unlike in the flow, a failed search does not prove that later ones fail too (budgets and whole jobs break the
/// exchange argument), but it is a strong hint: once jobs of a kind needing n nodes find no path, the later ones of
/// that kind needing n or more are not searched for, and the full pools it reached are left out of later searches.
/// That keeps the searches few and short.
/// </summary>
internal sealed class AugmentingPlan
{
    // The floating-point cost is within a few millionths of the exact one; a cent of slack keeps the screen from
    // turning away a move that fits exactly.
    private const decimal BudgetSlack = 0.01m;

    private readonly PreparedProblem _problem;
    private readonly FleetIndex _index;
    private readonly FlowKinds _kinds;
    private readonly FastSolution _solution;
    private readonly KindPoolSets _poolSets;
    private readonly KindOccupants _jobsAt;
    private readonly int[] _kindSeen;
    private readonly int[] _parentPool;
    private readonly int[] _incoming;
    private readonly int[] _noPathFrom;
    // Per pool, the search and the team that could not pay for it there: that team's other jobs skip it in that search.
    private readonly int[] _refusedStamp;
    private readonly int[] _refusedTeam;
    private readonly Queue<int> _queue = new();
    private readonly List<int> _reached = [];
    private readonly List<(int Job, int Pool, decimal Cost)> _undo = [];
    private int _stamp;
    private int _target;

    private AugmentingPlan(PreparedProblem problem, FlowKinds kinds)
    {
        _problem = problem;
        _index = problem.Index;
        _kinds = kinds;
        _solution = new FastSolution(problem);
        _poolSets = new KindPoolSets(kinds, _index.PoolCount);
        _jobsAt = new KindOccupants(_index.PoolCount);
        _kindSeen = new int[kinds.Count];
        _parentPool = new int[_index.PoolCount];
        _incoming = new int[_index.PoolCount];
        _refusedStamp = new int[_index.PoolCount];
        _refusedTeam = new int[_index.PoolCount];
        _noPathFrom = new int[kinds.Count];
        Array.Fill(_noPathFrom, int.MaxValue);
    }

    public static FastSolution Build(PreparedProblem problem, FlowKinds kinds) => new AugmentingPlan(problem, kinds).Build();

    private FastSolution Build()
    {
        var order = Enumerable.Range(0, _problem.Jobs.Length)
            .OrderByDescending(j => _problem.PenaltyD[j] / _problem.Jobs[j].Workers).ThenBy(j => j).ToArray();
        foreach (var u in order)
        {
            var job = _problem.Jobs[u];
            var pool = CheapestFit.Find(job, _solution.Ledger, out var cost);
            if (pool >= 0)
            {
                Put(u, pool, cost);
                continue;
            }
            var kind = _kinds.KindOf[u];
            if (job.Workers >= _noPathFrom[kind] || !CanAfford(job))
            {
                continue;
            }
            if (!Search(u))
            {
                _noPathFrom[kind] = Math.Min(_noPathFrom[kind], job.Workers);
                CloseFullPools();
            }
        }
        return _solution;
    }

    /// <summary>
    /// The search reached these pools and found no way out of them: the full ones are left out of later searches, as
    /// the flow does (there exactly, here as a strong hint). Pools with a node free stay, as a smaller job may fit.
    /// </summary>
    private void CloseFullPools()
    {
        foreach (var pool in _reached)
        {
            if (_solution.Ledger.FreeNodes[pool] == 0)
            {
                _poolSets.Close(pool);
            }
        }
    }

    /// <summary>Whether the job's team has the money for its cheapest eligible pool at all; no path helps otherwise.</summary>
    private bool CanAfford(JobFacts job) =>
        job.Team < 0 || (CheapestFit.Find(job, null, out var least) >= 0 && least <= _solution.Ledger.BudgetLeft[job.Team]);

    private bool Search(int u)
    {
        _stamp++;
        _queue.Clear();
        _poolSets.ClearSeen();
        _reached.Clear();
        _target = -1;
        var kind = _kinds.KindOf[u];
        _kindSeen[kind] = _stamp;
        Offer(kind, u, -1);
        while (_target < 0 && _queue.TryDequeue(out var pool))
        {
            Expand(pool);
        }
        return _target >= 0 && Apply(_target);
    }

    /// <summary>Job <paramref name="job"/> would enter the pool (from <paramref name="parent"/>, or from pending); the first pool it fits ends the search.</summary>
    private void Reach(int pool, int job, int parent)
    {
        var facts = _problem.Jobs[job];
        if (_poolSets.IsSeen(pool) || facts.IsBlocked(pool))
        {
            return;
        }
        // Screened on the floating-point cost: a move the team cannot pay for is no way through, but the pool stays
        // open to other jobs. The path's exact costs are checked when it is applied.
        if (facts.Team >= 0)
        {
            if (_refusedStamp[pool] == _stamp && _refusedTeam[pool] == facts.Team)
            {
                return;
            }
            if ((decimal)facts.ApproxCost(pool) - _solution.CostOf[job] > _solution.Ledger.BudgetLeft[facts.Team] + BudgetSlack)
            {
                _refusedStamp[pool] = _stamp;
                _refusedTeam[pool] = facts.Team;
                return;
            }
        }
        _poolSets.MarkSeen(pool);
        _reached.Add(pool);
        _parentPool[pool] = parent;
        _incoming[pool] = job;
        if (_solution.Ledger.FitsResources(facts, pool))
        {
            _target = pool;
            return;
        }
        _queue.Enqueue(pool);
    }

    /// <summary>
    /// The job that would enter the pool does not fit: one job already there that frees enough nodes and GPUs by
    /// leaving may move to any other pool of its kind. Each kind is looked through once per search.
    /// </summary>
    private void Expand(int pool)
    {
        var entering = _problem.Jobs[_incoming[pool]];
        var missingNodes = entering.Workers - _solution.Ledger.FreeNodes[pool];
        var capKey = _index.CapKeyOf[pool];
        var gpus = _index.GpusOf[pool];
        var missingGpus = capKey < 0 ? 0 : (entering.Workers * gpus) - _solution.Ledger.GpusLeft[capKey];
        foreach (var (kind, jobs) in _jobsAt.At(pool))
        {
            if (_kindSeen[kind] == _stamp)
            {
                continue;
            }
            var leaving = LargeEnough(jobs, missingNodes, missingGpus, gpus);
            if (leaving < 0)
            {
                continue;
            }
            _kindSeen[kind] = _stamp;
            Offer(kind, leaving, pool);
            if (_target >= 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Offers the job every pool of the kind no one has reached yet, coming from <paramref name="from"/> (-1 when
    /// pending), until one takes it. Pools come cheapest first: once the compute term alone is more than the team can
    /// pay, so is the rest.
    /// </summary>
    private void Offer(int kind, int job, int from)
    {
        var facts = _problem.Jobs[job];
        var limit = SpendLimit(job);
        foreach (var next in _poolSets.Unseen(kind))
        {
            if (facts.ApproxCompute(next) > limit)
            {
                return;
            }
            if (next != from)
            {
                Reach(next, job, from);
            }
            if (_target >= 0)
            {
                return;
            }
        }
    }

    /// <summary>The most the job may cost where it goes: what it costs now plus what its team has left.</summary>
    private double SpendLimit(int job)
    {
        var team = _problem.Jobs[job].Team;
        return team < 0 ? double.PositiveInfinity : (double)(_solution.CostOf[job] + _solution.Ledger.BudgetLeft[team] + BudgetSlack);
    }

    private int LargeEnough(List<int> jobs, int missingNodes, int missingGpus, int gpusPerNode)
    {
        for (var i = jobs.Count - 1; i >= 0; i--)
        {
            var workers = _problem.Jobs[jobs[i]].Workers;
            if (workers >= missingNodes && workers * gpusPerNode >= missingGpus)
            {
                return jobs[i];
            }
        }
        return -1;
    }

    /// <summary>Walks the path back from the pool with room, each job moving forward into the pool it reached; all or nothing.</summary>
    private bool Apply(int target)
    {
        _undo.Clear();
        var before = _solution.Objective;
        for (var into = target; into >= 0; into = _parentPool[into])
        {
            var job = _incoming[into];
            _undo.Add((job, _solution.PoolOf[job], _solution.CostOf[job]));
            if (_solution.IsPlaced(job))
            {
                Take(job);
            }
            var cost = _problem.Jobs[job].Cost(into);
            if (!_solution.Ledger.Fits(_problem.Jobs[job], into, cost))
            {
                Undo();
                return false;
            }
            Put(job, into, cost);
        }
        if (_solution.Objective >= before)
        {
            Undo();
            return false;
        }
        return true;
    }

    private void Undo()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (job, pool, cost) = _undo[i];
            if (_solution.IsPlaced(job))
            {
                Take(job);
            }
            if (pool >= 0)
            {
                Put(job, pool, cost);
            }
        }
        _undo.Clear();
    }

    private void Put(int job, int pool, decimal cost)
    {
        _solution.Place(job, pool, cost);
        _jobsAt.Add(pool, _kinds.KindOf[job], job);
    }

    private void Take(int job)
    {
        _jobsAt.Remove(_solution.PoolOf[job], _kinds.KindOf[job], job);
        _solution.Unplace(job);
    }
}
