namespace PlacementEngine.Core;

/// <summary>
/// A plan built the way <see cref="PlacementFlow"/> places units, but on the real ledger (whole jobs, GPU caps,
/// budgets, exact costs). Jobs go in descending penalty per node; among equals, those of teams short of money first,
/// then the cheapest to run. Each takes its cheapest pool that fits, and when none does, an augmenting path is
/// searched for: a placed job moves out of one of its pools to another pool of its own (or, when a capped cluster
/// lacks GPUs, out of any pool of the cluster), and so on, until a job reaches a pool with room. Every step is checked
/// on the ledger and the whole path is undone when one step does not fit or the objective does not fall.
///
/// Unlike in the flow, a failed search does not prove that later ones fail too (budgets and whole jobs break the
/// exchange argument), but it is a strong hint: once jobs of a kind needing n nodes find no path, the later ones of
/// that kind needing n or more are not searched for, and the full pools it reached are left out of later searches.
/// That keeps the searches few and short.
///
/// Paths found first are short, not cheap, so a cost round follows (<see cref="Reseat"/>): placed jobs look for paths
/// into cheaper pools, and what that saves a team may let pending jobs in on a last try.
/// </summary>
internal sealed class AugmentingPlan
{
    // The floating-point cost is within a few millionths of the exact one; a cent of slack keeps the screen from
    // turning away a move that fits exactly.
    private const decimal BudgetSlack = 0.01m;
    // A second round of the cost pass still finds a little; a third hardly anything.
    private const int ReseatRounds = 2;

    private readonly PreparedProblem _problem;
    private readonly FleetIndex _index;
    private readonly FlowKinds _kinds;
    private readonly FastSolution _solution;
    private readonly KindPoolSets _poolSets;
    private readonly KindOccupants _jobsAt;
    private readonly int[] _kindSeen;
    private readonly int[] _groupSeen;
    private readonly int[] _parentPool;
    private readonly int[] _incoming;
    private readonly int[] _noPathFrom;
    // Per job, what its cheapest eligible pool costs, whatever the plan holds.
    private readonly double[] _least;
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
        _groupSeen = new int[_index.CapKeys.Length];
        _parentPool = new int[_index.PoolCount];
        _incoming = new int[_index.PoolCount];
        _refusedStamp = new int[_index.PoolCount];
        _refusedTeam = new int[_index.PoolCount];
        _least = [.. problem.Jobs.Select(CheapestFit.ApproxLeast)];
        _noPathFrom = new int[kinds.Count];
        Array.Fill(_noPathFrom, int.MaxValue);
    }

    public static FastSolution Build(PreparedProblem problem, FlowKinds kinds) => new AugmentingPlan(problem, kinds).Build();

    private FastSolution Build()
    {
        // Among jobs worth as much per node, those of teams short of money go first, so that they get the cheap pools
        // and jobs that can pay for any pool take the dear ones; then the cheapest to run: the room they take is the same.
        var tight = TightTeams();
        var order = Enumerable.Range(0, _problem.Jobs.Length)
            .OrderByDescending(j => _problem.PenaltyD[j] / _problem.Jobs[j].Workers)
            .ThenByDescending(j => _problem.Jobs[j].Team is var t && t >= 0 && tight[t])
            .ThenBy(j => _least[j]).ThenBy(j => j).ToArray();
        Insert(order);
        var moved = 0;
        for (var round = 0; round < ReseatRounds; round++)
        {
            var now = Reseat();
            moved += now;
            if (now == 0)
            {
                break;
            }
        }
        if (moved > 0)
        {
            // Cheaper seats leave teams money and may open paths the first round closed: the pending try again.
            _poolSets.Reopen();
            Array.Fill(_noPathFrom, int.MaxValue);
            Insert([.. order.Where(j => !_solution.IsPlaced(j))]);
        }
        return _solution;
    }

    /// <summary>Per team, whether its jobs cost more at their cheapest than it has left: it cannot place them all.</summary>
    private bool[] TightTeams()
    {
        var demand = new double[_problem.LimitedTeams.Length];
        for (var j = 0; j < _problem.Jobs.Length; j++)
        {
            if (_problem.Jobs[j].Team is var team and >= 0 && _least[j] < double.MaxValue)
            {
                demand[team] += _least[j];
            }
        }
        return [.. demand.Select((d, team) => d > (double)_problem.Empty.BudgetLeft[team])];
    }

    private void Insert(int[] order)
    {
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
            if (!Search(u, SpendLimit(u), _solution.Objective))
            {
                _noPathFrom[kind] = Math.Min(_noPathFrom[kind], job.Workers);
                CloseFullPools();
            }
        }
    }

    /// <summary>
    /// The cost round: each placed job, the one that could save most first, looks for a path into a pool cheaper per
    /// node-hour than its own. The room it leaves is where a path may end, so swaps and longer exchanges are found as
    /// well as free room. Kept only when the objective falls. Returns how many jobs moved.
    /// </summary>
    private int Reseat()
    {
        _poolSets.Reopen();
        var candidates = new List<(int Job, double Saving)>();
        for (var j = 0; j < _problem.Jobs.Length; j++)
        {
            if (_solution.IsPlaced(j) && (double)_solution.CostOf[j] - _least[j] is var saving && saving > 0)
            {
                candidates.Add((j, saving));
            }
        }
        var moved = 0;
        foreach (var (j, _) in candidates.OrderByDescending(c => c.Saving).ThenBy(c => c.Job))
        {
            var pool = _solution.PoolOf[j];
            var cost = _solution.CostOf[j];
            var baseline = _solution.Objective;
            // Pools as dear per node-hour as this one or dearer, this one among them, are left out.
            var limit = Math.Min(SpendLimit(j), _problem.Jobs[j].ApproxCompute(pool) * (1 - 1e-9));
            Take(j);
            if (Search(j, limit, baseline))
            {
                moved++;
            }
            else
            {
                Put(j, pool, cost);
            }
        }
        return moved;
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

    /// <summary>A path for pending job <paramref name="u"/>, kept when the objective ends below <paramref name="baseline"/>.</summary>
    private bool Search(int u, double limit, decimal baseline)
    {
        _stamp++;
        _queue.Clear();
        _poolSets.ClearSeen();
        _reached.Clear();
        _target = -1;
        var kind = _kinds.KindOf[u];
        _kindSeen[kind] = _stamp;
        Offer(kind, u, -1, -1, limit);
        while (_target < 0 && _queue.TryDequeue(out var pool))
        {
            Expand(pool);
        }
        return _target >= 0 && Apply(_target, baseline);
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
            Offer(kind, leaving, pool, -1, SpendLimit(leaving));
            if (_target >= 0)
            {
                return;
            }
        }
        if (missingNodes <= 0 && missingGpus > 0)
        {
            ExpandGroup(pool, capKey, missingGpus);
        }
    }

    /// <summary>
    /// The pool has the nodes but its capped cluster lacks the GPUs: a job leaving any other pool of the cluster for a
    /// pool outside it frees them. Its kind stays open to the rest of the search, which may still reach the cluster's
    /// pools another way; each cluster is looked through once per search.
    /// </summary>
    private void ExpandGroup(int entry, int capKey, int missingGpus)
    {
        if (_groupSeen[capKey] == _stamp)
        {
            return;
        }
        _groupSeen[capKey] = _stamp;
        foreach (var pool in _index.PoolsOfCap[capKey])
        {
            if (pool == entry)
            {
                continue;
            }
            foreach (var (kind, jobs) in _jobsAt.At(pool))
            {
                var leaving = LargeEnough(jobs, 0, missingGpus, _index.GpusOf[pool]);
                if (leaving < 0)
                {
                    continue;
                }
                Offer(kind, leaving, entry, capKey, SpendLimit(leaving));
                if (_target >= 0)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Offers the job every pool of the kind no one has reached yet, coming from <paramref name="from"/> (-1 when
    /// pending), until one takes it; none of capped cluster <paramref name="outsideCap"/> when it is leaving that
    /// cluster to free GPUs. Pools come cheapest first: once the compute term alone is more than
    /// <paramref name="limit"/>, so is the rest.
    /// </summary>
    private void Offer(int kind, int job, int from, int outsideCap, double limit)
    {
        var facts = _problem.Jobs[job];
        foreach (var next in _poolSets.Unseen(kind))
        {
            if (facts.ApproxCompute(next) > limit)
            {
                return;
            }
            if (next != from && (outsideCap < 0 || _index.CapKeyOf[next] != outsideCap))
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
    private bool Apply(int target, decimal baseline)
    {
        _undo.Clear();
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
        if (_solution.Objective >= baseline)
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
