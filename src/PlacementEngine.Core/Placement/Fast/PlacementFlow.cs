namespace PlacementEngine.Core;

/// <summary>
/// The most penalty that placing can avoid under free nodes and GPU caps, found as a flow: each job is as many units
/// as it needs nodes, units are taken in descending penalty per node, and each one is placed along an augmenting path
/// (other units moving aside to pools their kind can also use, or out of a capped cluster to free its GPUs). Taking
/// elements greedily by weight is optimal on such transversal structures, so once the flow holds every unit it can,
/// no plan avoids more penalty, gangs aside (units of one job may land in different pools here). Searches run over
/// <see cref="FlowKinds"/>, not jobs: once a kind has been looked through, its pools are all reached, and once a unit
/// of a kind finds no path, no later unit of that kind will, since a closed set of full pools stays closed.
///
/// Each failure also prices what closed it: every full pool reached (or capped cluster, per GPU) gets the failing
/// unit's penalty per node, the first, highest one to reach it. At those prices the Lagrangian bound is short of this
/// flow's objective by little more than what the placed jobs cost, which penalties usually dwarf.
/// </summary>
internal sealed class PlacementFlow
{
    private readonly PreparedProblem _problem;
    private readonly FlowKinds _kinds;
    private readonly FleetIndex _index;
    private readonly int[] _room;
    private readonly int[] _groupNodesLeft;
    private readonly bool[] _poolClosed;
    private readonly bool[] _groupClosed;
    private readonly KindOccupants _unitsAt;
    private readonly int[] _unitPool;
    private readonly int[] _unitJob;
    private readonly int[] _unitStart;
    private readonly bool[] _kindClosed;
    private readonly int[] _poolSeen;
    private readonly int[] _kindSeen;
    private readonly int[] _groupSeen;
    private readonly int[] _parentPool;
    private readonly int[] _parentKind;
    private readonly int[] _parentEntry;
    private readonly Queue<int> _queue = new();
    private readonly List<int> _reached = [];
    private readonly List<int> _reachedGroups = [];
    private int _stamp;
    private int _target;

    public PlacementFlow(PreparedProblem problem)
    {
        _problem = problem;
        _index = problem.Index;
        _kinds = new FlowKinds(problem);
        var pools = _index.PoolCount;
        _room = [.. problem.Empty.FreeNodes.Select(f => Math.Max(0, f))];
        var caps = _index.CapKeys.Length;
        _groupNodesLeft = (int[])problem.CapNodeLimit.Clone();
        _poolClosed = new bool[pools];
        _groupClosed = new bool[caps];
        _unitsAt = new KindOccupants(pools);
        _unitStart = new int[problem.Jobs.Length + 1];
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            _unitStart[j + 1] = _unitStart[j] + problem.Jobs[j].Workers;
        }
        _unitJob = new int[_unitStart[^1]];
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            Array.Fill(_unitJob, j, _unitStart[j], problem.Jobs[j].Workers);
        }
        _unitPool = new int[_unitJob.Length];
        Array.Fill(_unitPool, -1);
        _kindClosed = new bool[_kinds.Count];
        _poolSeen = new int[pools];
        _kindSeen = new int[_kinds.Count];
        _groupSeen = new int[caps];
        _parentPool = new int[pools];
        _parentKind = new int[pools];
        _parentEntry = new int[pools];
        Prices = new DualPrices(_index, problem.LimitedTeams.Length);
    }

    /// <summary>Node and GPU-cap prices from the searches that failed; team prices stay zero.</summary>
    public DualPrices Prices { get; }

    public FlowKinds Kinds => _kinds;

    /// <summary>Places every unit it can, most penalty per node first.</summary>
    public void Run()
    {
        var order = Enumerable.Range(0, _problem.Jobs.Length)
            .OrderByDescending(j => _problem.PenaltyD[j] / _problem.Jobs[j].Workers).ThenBy(j => j).ToArray();
        foreach (var j in order)
        {
            var kind = _kinds.KindOf[j];
            for (var u = _unitStart[j]; u < _unitStart[j + 1] && !_kindClosed[kind]; u++)
            {
                if (!Augment(u, kind))
                {
                    _kindClosed[kind] = true;
                    Close(_problem.PenaltyD[j] / _problem.Jobs[j].Workers);
                }
            }
        }
        Prices.Refresh();
    }

    /// <summary>Each job's pool when all its units are in one pool; -1 otherwise.</summary>
    public int PoolOfJob(int job)
    {
        var pool = _unitPool[_unitStart[job]];
        for (var u = _unitStart[job] + 1; u < _unitStart[job + 1] && pool >= 0; u++)
        {
            pool = _unitPool[u] == pool ? pool : -1;
        }
        return pool;
    }

    /// <summary>
    /// A search failed: what it reached is full and has no way out, and stays so, since no later path can enter it.
    /// Later searches skip it; its pools are priced at the failing unit's penalty per node. A capped cluster closing
    /// after some of its pools carries that price itself: pools priced before keep their total per node.
    /// </summary>
    private void Close(double perNode)
    {
        foreach (var k in _reachedGroups)
        {
            if (_groupClosed[k])
            {
                continue;
            }
            _groupClosed[k] = true;
            Prices.CapNode[k] = perNode;
            foreach (var p in _index.PoolsOfCap[k])
            {
                Prices.Pool[p] = Math.Max(0d, Prices.Pool[p] - perNode);
                _poolClosed[p] = true;
            }
        }
        foreach (var p in _reached)
        {
            var capKey = _index.CapKeyOf[p];
            if (!_poolClosed[p] && (capKey < 0 || !_groupClosed[capKey]))
            {
                Prices.Pool[p] = perNode;
            }
            _poolClosed[p] = true;
        }
    }

    private bool Augment(int unit, int kind)
    {
        _stamp++;
        _queue.Clear();
        _reached.Clear();
        _reachedGroups.Clear();
        _target = -1;
        _kindSeen[kind] = _stamp;
        foreach (var p in _kinds.Pools[kind])
        {
            Reach(p, -1, kind, -1);
        }
        while (_target < 0 && _queue.TryDequeue(out var p))
        {
            if (_room[p] == 0)
            {
                foreach (var k in _unitsAt.At(p).Keys)
                {
                    ExpandKind(p, k);
                }
            }
            else
            {
                ExpandGroup(p);
            }
        }
        if (_target < 0)
        {
            return false;
        }
        Apply(unit, _target);
        return true;
    }

    /// <summary>The pool is full: a unit of the kind there moving to another of its kind's pools makes room.</summary>
    private void ExpandKind(int from, int kind)
    {
        if (_kindSeen[kind] == _stamp)
        {
            return;
        }
        _kindSeen[kind] = _stamp;
        foreach (var q in _kinds.Pools[kind])
        {
            Reach(q, from, kind, -1);
        }
    }

    /// <summary>The pool has nodes but its capped cluster has none left: a unit leaving any pool of the cluster makes one.</summary>
    private void ExpandGroup(int entry)
    {
        var group = _index.CapKeyOf[entry];
        if (_groupSeen[group] == _stamp)
        {
            return;
        }
        _groupSeen[group] = _stamp;
        _reachedGroups.Add(group);
        foreach (var p in _index.PoolsOfCap[group])
        {
            // Kinds seen through other pools may still open a way out of the cluster from here: no shortcut.
            foreach (var k in _unitsAt.At(p).Keys)
            {
                foreach (var q in _kinds.Pools[k])
                {
                    if (_index.CapKeyOf[q] != group)
                    {
                        Reach(q, p, k, entry);
                    }
                }
            }
        }
    }

    /// <summary>Marks the pool reached by the path so far; the first reached with room (and GPUs) ends the search.</summary>
    private void Reach(int pool, int parent, int kind, int entry)
    {
        if (_target >= 0 || _poolSeen[pool] == _stamp || _poolClosed[pool])
        {
            return;
        }
        _poolSeen[pool] = _stamp;
        _parentPool[pool] = parent;
        _parentKind[pool] = kind;
        _parentEntry[pool] = entry;
        _reached.Add(pool);
        if (_room[pool] > 0 && GroupHasRoom(pool))
        {
            _target = pool;
            return;
        }
        _queue.Enqueue(pool);
    }

    private bool GroupHasRoom(int pool)
    {
        var capKey = _index.CapKeyOf[pool];
        return capKey < 0 || _groupNodesLeft[capKey] > 0;
    }

    /// <summary>Walks the path back from the pool with room: each step moves one unit forward, the new unit goes in last.</summary>
    private void Apply(int unit, int target)
    {
        var into = target;
        while (_parentPool[into] >= 0)
        {
            var from = _parentPool[into];
            var moving = Take(from, _parentKind[into]);
            Put(moving, into);
            // A unit that left a capped cluster made room there for the pool the path entered it by.
            into = _parentEntry[into] >= 0 ? _parentEntry[into] : from;
        }
        Put(unit, into);
    }

    private int Take(int pool, int kind)
    {
        var unit = _unitsAt.TakeLast(pool, kind);
        _room[pool]++;
        var capKey = _index.CapKeyOf[pool];
        if (capKey >= 0)
        {
            _groupNodesLeft[capKey]++;
        }
        _unitPool[unit] = -1;
        return unit;
    }

    private void Put(int unit, int pool)
    {
        _unitsAt.Add(pool, _kinds.KindOf[_unitJob[unit]], unit);
        _room[pool]--;
        var capKey = _index.CapKeyOf[pool];
        if (capKey >= 0)
        {
            _groupNodesLeft[capKey]--;
        }
        _unitPool[unit] = pool;
    }
}
