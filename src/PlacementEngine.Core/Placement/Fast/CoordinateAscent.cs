namespace PlacementEngine.Core;

/// <summary>
/// Polishes dual prices by coordinate ascent over the listed candidates: one price at a time is moved to its best
/// value with the others held, which can only raise the Lagrangian. For a pool, each job listing it would use it
/// below a break-even price (its next best option, penalty included, minus its reduced cost there without the
/// pool's price, per node); the best price is the break-even at which the jobs still wanting the pool first fit its
/// free nodes. GPU caps work the same way per GPU; a team's budget surcharge is found by bisection on what its jobs
/// would spend. Subgradient steps find the region; this climbs within it, where subgradient steps only oscillate.
/// Sequential by nature (each price sees the ones moved before it), and kept cheap by remembering each job's two
/// best options so that a pool's update costs one look per job listing it.
/// </summary>
internal sealed partial class CoordinateAscent
{
    private const double MaxSurcharge = 1e12;

    // A surcharge is searched for first within this factor of the last one, then bisected to this share of itself.
    private const double SurchargeBracket = 1.25;
    private const double SurchargePrecision = 1.0 / 1024;
    private const int MaxBisectionSteps = 60;

    // The pending option, as a "pool" no real pool index equals.
    private const int Pending = -1;

    private readonly PreparedProblem _problem;
    private readonly double[] _freeNodes;
    private readonly double[] _gpusLeft;
    private readonly int[][] _teamJobs;
    private readonly double[] _budgetLeft;
    private readonly int[] _jobMark;
    private readonly double[] _spendParts = new double[JobChunks.Count];
    private int _mark;
    private double[] _keys = new double[64];
    private double[] _amounts = new double[64];
    private double[] _firstValue = [];
    private int[] _firstPool = [];
    private double[] _secondValue = [];
    private int[] _secondPool = [];

    public CoordinateAscent(PreparedProblem problem)
    {
        _problem = problem;
        var index = problem.Index;
        _freeNodes = [.. problem.Empty.FreeNodes.Select(f => (double)f)];
        _gpusLeft = [.. problem.Empty.GpusLeft.Select(g => (double)Math.Max(0, g))];
        _budgetLeft = [.. problem.Empty.BudgetLeft.Select(b => (double)Math.Max(0m, b))];
        _teamJobs = [.. Enumerable.Range(0, problem.LimitedTeams.Length).Select(t => Enumerable.Range(0, problem.Jobs.Length).Where(j => problem.Jobs[j].Team == t).ToArray())];
        _jobMark = new int[problem.Jobs.Length];
    }

    /// <summary>
    /// How far past the break-even a contested price goes, per node or GPU; zero for pure ascent. A little overshoot
    /// makes the marginal job strictly prefer its alternative, which frees prices that pure ascent leaves jammed
    /// (several pools trading the same jobs, none able to rise alone), much as the increment does in an auction.
    /// </summary>
    public double Epsilon { get; set; }

    /// <summary>One pass over every pool, cap and team price of <paramref name="duals"/>, in place.</summary>
    public void Sweep(CandidateTable table, DualPrices duals)
    {
        EnsureRanks(table.Workers.Length);
        for (var j = 0; j < table.Workers.Length; j++)
        {
            Rank(table, duals, j);
        }
        for (var p = 0; p < _freeNodes.Length; p++)
        {
            UpdatePool(table, duals, p);
        }
        for (var k = 0; k < _gpusLeft.Length; k++)
        {
            UpdateCap(table, duals, k);
        }
        for (var t = 0; t < _budgetLeft.Length; t++)
        {
            UpdateTeam(table, duals, t);
        }
    }


    private void UpdatePool(CandidateTable table, DualPrices duals, int p)
    {
        var from = table.PoolStart[p];
        var to = table.PoolStart[p + 1];
        if (from == to)
        {
            return;
        }
        var count = 0;
        var poolPrice = duals.Pool[p];
        for (var i = from; i < to; i++)
        {
            var e = table.PoolEntries[i];
            var j = table.JobOf[e];
            var workers = table.Workers[j];
            if (workers <= 0)
            {
                continue;
            }
            var factor = duals.CostFactor(table.Team[j]);
            var other = _firstPool[j] == p ? _secondValue[j] : _firstValue[j];
            var withoutPrice = (factor * table.Cost[e]) + (workers * (duals.PerNode[p] - poolPrice));
            var breakEven = (other - withoutPrice) / workers;
            if (breakEven > 0)
            {
                Push(ref count, breakEven, workers);
            }
        }
        var price = PriceWhereDemandFits(count, _freeNodes[p]);
        if (price == poolPrice)
        {
            return;
        }
        duals.Pool[p] = price;
        duals.PerNode[p] += price - poolPrice;
        for (var i = from; i < to; i++)
        {
            var e = table.PoolEntries[i];
            Reprice(table, duals, table.JobOf[e], p, e, price > poolPrice);
        }
    }

    /// <summary>Keeps a job's two best options current after the price of one of its pools moved.</summary>
    private void Reprice(CandidateTable table, DualPrices duals, int j, int pool, int entry, bool rose)
    {
        var reduced = (duals.CostFactor(table.Team[j]) * table.Cost[entry]) + (table.Workers[j] * duals.PerNode[pool]);
        // A best option that rose past the second, or a second that rose, needs the third best: rank again.
        if (rose && ((_firstPool[j] == pool && reduced > _secondValue[j]) || _secondPool[j] == pool))
        {
            Rank(table, duals, j);
            return;
        }
        if (_firstPool[j] == pool)
        {
            _firstValue[j] = reduced;
        }
        else if (reduced < _firstValue[j])
        {
            (_secondValue[j], _secondPool[j]) = (_firstValue[j], _firstPool[j]);
            (_firstValue[j], _firstPool[j]) = (reduced, pool);
        }
        else if (_secondPool[j] == pool || reduced < _secondValue[j])
        {
            (_secondValue[j], _secondPool[j]) = (reduced, pool);
        }
    }

    /// <summary>A job's best and second-best options (a pool, or pending at its penalty) from scratch.</summary>
    private void Rank(CandidateTable table, DualPrices duals, int j)
    {
        var firstValue = _problem.PenaltyD[j];
        var firstPool = Pending;
        var secondValue = double.PositiveInfinity;
        var secondPool = Pending;
        var factor = duals.CostFactor(table.Team[j]);
        var workers = table.Workers[j];
        for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
        {
            var pool = table.Pool[e];
            var reduced = (factor * table.Cost[e]) + (workers * duals.PerNode[pool]);
            if (reduced < firstValue)
            {
                (secondValue, secondPool) = (firstValue, firstPool);
                (firstValue, firstPool) = (reduced, pool);
            }
            else if (reduced < secondValue)
            {
                (secondValue, secondPool) = (reduced, pool);
            }
        }
        _firstValue[j] = firstValue;
        _firstPool[j] = firstPool;
        _secondValue[j] = secondValue;
        _secondPool[j] = secondPool;
    }

    /// <summary>The lowest price at which the jobs still wanting the resource fit it: the break-even where demand first overflows.</summary>
    private double PriceWhereDemandFits(int count, double capacity)
    {
        var demand = 0d;
        for (var i = 0; i < count; i++)
        {
            demand += _amounts[i];
        }
        if (demand <= capacity)
        {
            return 0d;
        }
        // Keys are negated break-evens, so an ascending primitive sort puts the keenest jobs first.
        Array.Sort(_keys, _amounts, 0, count);
        demand = 0d;
        for (var i = 0; i < count; i++)
        {
            demand += _amounts[i];
            if (demand > capacity)
            {
                return -_keys[i] + Epsilon;
            }
        }
        return 0d;
    }

    private void Push(ref int count, double breakEven, double amount)
    {
        if (count == _keys.Length)
        {
            Array.Resize(ref _keys, count * 2);
            Array.Resize(ref _amounts, count * 2);
        }
        _keys[count] = -breakEven;
        _amounts[count] = amount;
        count++;
    }

    private void EnsureRanks(int jobs)
    {
        if (_firstValue.Length != jobs)
        {
            _firstValue = new double[jobs];
            _firstPool = new int[jobs];
            _secondValue = new double[jobs];
            _secondPool = new int[jobs];
        }
    }
}
