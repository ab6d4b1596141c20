namespace PlacementEngine.Core;

/// <summary>
/// Maximises the Lagrangian dual over the listed candidates by projected subgradient steps with Polyak's step size
/// towards the best plan found. Each job independently takes min(penalty, least reduced cost); the value
/// L = Σ jobs' minima - Σ prices x capacities is a lower bound on the optimum (made rigorous, over every pool, by
/// <see cref="BoundEvaluator"/>). Rows are scaled so that nodes, GPUs and dollars move their prices comparably; the
/// step scale decays geometrically, which is what lets the prices settle rather than oscillate around the optimum.
/// The pass over the jobs runs in parallel chunks (<see cref="JobChunks"/>).
/// </summary>
internal sealed partial class SubgradientSearch
{
    private const double InitialStepScale = 1.0;
    private const double MinStepScale = 1e-4;
    private const double StepDecay = 0.995;

    private readonly PreparedProblem _problem;
    private readonly double[] _freeNodes;
    private readonly double[] _gpusLeft;
    private readonly double[] _budgetLeft;
    private readonly double[] _capScale;
    private readonly double[] _teamScale;
    private readonly double[] _nodesUsed;
    private readonly double[] _gpusUsed;
    private readonly double[] _spent;
    private readonly ChunkUsage[] _chunks;
    private CandidateTable _table;
    private double _stepScale = InitialStepScale;

    public SubgradientSearch(PreparedProblem problem, CandidateTable table)
    {
        _problem = problem;
        _table = table;
        var index = problem.Index;
        var empty = problem.Empty;
        _freeNodes = [.. empty.FreeNodes.Select(f => (double)f)];
        _gpusLeft = [.. empty.GpusLeft.Select(g => (double)Math.Max(0, g))];
        _budgetLeft = [.. empty.BudgetLeft.Select(b => (double)Math.Max(0m, b))];
        _capScale = [.. Enumerable.Range(0, index.CapKeys.Length).Select(k => TypicalGpusPerNode(index, k))];
        _teamScale = TypicalJobCosts(problem, table);
        _nodesUsed = new double[index.PoolCount];
        _gpusUsed = new double[index.CapKeys.Length];
        _spent = new double[problem.LimitedTeams.Length];
        _chunks = [.. Enumerable.Range(0, JobChunks.Count).Select(_ => new ChunkUsage(index.PoolCount, index.CapKeys.Length, problem.LimitedTeams.Length))];
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
        Array.Clear(_spent);
        var value = 0d;
        foreach (var chunk in _chunks)
        {
            value += chunk.Value;
            Add(_nodesUsed, chunk.NodesUsed);
            Add(_gpusUsed, chunk.GpusUsed);
            Add(_spent, chunk.Spent);
        }
        value -= Dot(Duals.Pool, _freeNodes) + Dot(Duals.Cap, _gpusLeft) + Dot(Duals.Team, _budgetLeft);

        if (value > BestValue)
        {
            BestValue = value;
            BestDuals.CopyFrom(Duals);
        }
        return value;
    }

    /// <summary>One projected step from the usage of the last <see cref="Evaluate"/>, aiming at <paramref name="upperBound"/>.</summary>
    public void Step(double value, double upperBound)
    {
        var norm = Norm(Duals.Pool, _nodesUsed, _freeNodes, null)
            + Norm(Duals.Cap, _gpusUsed, _gpusLeft, _capScale)
            + Norm(Duals.Team, _spent, _budgetLeft, _teamScale);
        if (norm <= 0)
        {
            return;
        }
        var gap = Math.Max(upperBound - value, 1e-9 * Math.Abs(upperBound));
        _stepScale = Math.Max(MinStepScale, _stepScale * StepDecay);
        var step = _stepScale * gap / norm;
        Move(Duals.Pool, _nodesUsed, _freeNodes, null, step);
        Move(Duals.Cap, _gpusUsed, _gpusLeft, _capScale, step);
        Move(Duals.Team, _spent, _budgetLeft, _teamScale, step);
        Duals.Refresh();
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

    /// <summary>A team's budget row is measured in its typical job's cheapest cost, so one job moves it about one unit.</summary>
    private static double[] TypicalJobCosts(PreparedProblem problem, CandidateTable table)
    {
        var sum = new double[problem.LimitedTeams.Length];
        var count = new int[problem.LimitedTeams.Length];
        for (var j = 0; j < table.Workers.Length; j++)
        {
            var team = table.Team[j];
            if (team >= 0 && table.JobStart[j + 1] > table.JobStart[j])
            {
                sum[team] += table.Cost[table.JobStart[j]];
                count[team]++;
            }
        }
        return [.. sum.Select((s, t) => count[t] == 0 ? 1d : Math.Max(1e-6, s / count[t]))];
    }
}
