namespace PlacementEngine.Core;

/// <summary>
/// Maximises the Lagrangian dual over the listed candidates by projected subgradient steps with Polyak's step size
/// towards the best plan found. Each job independently takes min(penalty, least reduced cost); the value
/// L = Σ jobs' minima - Σ prices x capacities is a lower bound on the optimum (made rigorous, over every pool, by
/// <see cref="BoundEvaluator"/>). Node and GPU rows are scaled so that they move their prices comparably; the step
/// scale decays geometrically, which is what lets the prices settle rather than oscillate around the optimum.
///
/// Team surcharges take no steps: every few steps each is set to its best for the node and GPU prices
/// (<see cref="CoordinateAscent.FitTeams"/>), so the steps climb the dual with the budgets already maximised out.
/// Stepped with the rest, measured in one typical job's cost, the budget rows outweighed every pool in the step's
/// norm (L seed 6 contended: 2.7e7 against 2.0e6) and the surcharges swung from 0 to 77,000 to 9,500 per dollar;
/// the linear relaxation's are at most 3,844. No one measure suited every size: ten typical jobs helped L and hurt M.
/// The pass over the jobs runs in parallel chunks (<see cref="JobChunks"/>).
/// </summary>
internal sealed partial class SubgradientSearch
{
    private const double InitialStepScale = 1.0;
    private const double MinStepScale = 1e-4;
    private const double StepDecay = 0.995;

    // Steps between fits of the surcharges. L seed 6 contended, 200 iterations: fitted after every step, gap 4.16% in
    // 5.4 s; after every fifth, 3.87% in 2.7 s (each fit bisects over every limited team's jobs).
    private const int TeamFitEvery = 5;

    private readonly PreparedProblem _problem;
    private readonly double[] _freeNodes;
    private readonly double[] _gpusLeft;
    private readonly double[] _budgetLeft;
    private readonly double[] _capScale;
    private readonly double[] _nodesUsed;
    private readonly double[] _gpusUsed;
    private readonly CoordinateAscent _teamFit;
    private readonly ChunkUsage[] _chunks;
    private CandidateTable _table;
    private double _stepScale = InitialStepScale;
    private int _steps;

    public SubgradientSearch(PreparedProblem problem, CandidateTable table, CoordinateAscent teamFit)
    {
        _problem = problem;
        _table = table;
        var index = problem.Index;
        var empty = problem.Empty;
        _freeNodes = [.. empty.FreeNodes.Select(f => (double)f)];
        _gpusLeft = [.. empty.GpusLeft.Select(g => (double)Math.Max(0, g))];
        _budgetLeft = [.. empty.BudgetLeft.Select(b => (double)Math.Max(0m, b))];
        _capScale = [.. Enumerable.Range(0, index.CapKeys.Length).Select(k => TypicalGpusPerNode(index, k))];
        _nodesUsed = new double[index.PoolCount];
        _gpusUsed = new double[index.CapKeys.Length];
        _teamFit = teamFit;
        _chunks = [.. Enumerable.Range(0, JobChunks.Count).Select(_ => new ChunkUsage(index.PoolCount, index.CapKeys.Length))];
        Duals = new DualPrices(index, problem.LimitedTeams.Length);
        BestDuals = Duals.Clone();
    }

    public DualPrices Duals { get; }

    /// <summary>The prices of the best value over the current lists.</summary>
    public DualPrices BestDuals { get; }

    /// <summary>
    /// The best restricted value over the current lists. Short lists overstate the dual (a job missing its cheap
    /// pools looks dearer than it is), so when lists grow the best is forgotten rather than trusted.
    /// </summary>
    public double BestValue { get; private set; } = double.NegativeInfinity;

    /// <summary>Lists grew: run over the new table.</summary>
    public void Use(CandidateTable table)
    {
        _table = table;
        BestValue = double.NegativeInfinity;
    }

    /// <summary>The restricted Lagrangian at the current prices, remembering the best; records usage for <see cref="Step"/>.</summary>
    public double Evaluate()
    {
        JobChunks.Run(_table.Workers.Length, EvaluateChunk);
        Array.Clear(_nodesUsed);
        Array.Clear(_gpusUsed);
        var value = 0d;
        foreach (var chunk in _chunks)
        {
            value += chunk.Value;
            Add(_nodesUsed, chunk.NodesUsed);
            Add(_gpusUsed, chunk.GpusUsed);
        }
        value -= Dot(Duals.Pool, _freeNodes) + Dot(Duals.Cap, _gpusLeft) + Dot(Duals.Team, _budgetLeft);

        if (value > BestValue)
        {
            BestValue = value;
            BestDuals.CopyFrom(Duals);
        }
        return value;
    }

    /// <summary>
    /// One projected step of the node and GPU prices from the usage of the last <see cref="Evaluate"/>, aiming at
    /// <paramref name="upperBound"/>; every few steps, the surcharges fitted to the new prices.
    /// </summary>
    public void Step(double value, double upperBound)
    {
        var norm = Norm(Duals.Pool, _nodesUsed, _freeNodes, null) + Norm(Duals.Cap, _gpusUsed, _gpusLeft, _capScale);
        if (norm > 0)
        {
            var gap = Math.Max(upperBound - value, 1e-9 * Math.Abs(upperBound));
            _stepScale = Math.Max(MinStepScale, _stepScale * StepDecay);
            var step = _stepScale * gap / norm;
            Move(Duals.Pool, _nodesUsed, _freeNodes, null, step);
            Move(Duals.Cap, _gpusUsed, _gpusLeft, _capScale, step);
            Duals.Refresh();
        }
        if (++_steps % TeamFitEvery == 0)
        {
            _teamFit.FitTeams(_table, Duals);
        }
    }

    private static double Norm(double[] prices, double[] used, double[] limit, double[]? scale)
    {
        var sum = 0d;
        for (var i = 0; i < prices.Length; i++)
        {
            var g = (used[i] - limit[i]) / (scale?[i] ?? 1d);
            // A price at zero with room to spare cannot go lower: that component does not count.
            if (g > 0 || prices[i] > 0)
            {
                sum += g * g;
            }
        }
        return sum;
    }

    private static void Move(double[] prices, double[] used, double[] limit, double[]? scale, double step)
    {
        for (var i = 0; i < prices.Length; i++)
        {
            var s = scale?[i] ?? 1d;
            prices[i] = Math.Max(0d, prices[i] + (step * (used[i] - limit[i]) / (s * s)));
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0d;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double TypicalGpusPerNode(FleetIndex index, int capKey)
    {
        var gpus = Enumerable.Range(0, index.PoolCount).Where(p => index.CapKeyOf[p] == capKey).Select(p => index.GpusOf[p]).DefaultIfEmpty(1);
        return Math.Max(1d, gpus.Average());
    }
}
