namespace PlacementEngine.Core;

/// <summary>
/// A feasible plan in array form: each job's pool (or -1 when pending) and exact cost, the ledger it leaves, and its
/// objective value kept exactly as moves are made.
/// </summary>
internal sealed class FastSolution
{
    private readonly PreparedProblem _problem;

    public FastSolution(PreparedProblem problem)
    {
        _problem = problem;
        PoolOf = new int[problem.Jobs.Length];
        Array.Fill(PoolOf, -1);
        CostOf = new decimal[problem.Jobs.Length];
        Ledger = problem.Empty.Clone();
        Objective = problem.Penalty.Sum();
    }

    private FastSolution(FastSolution other)
    {
        _problem = other._problem;
        PoolOf = (int[])other.PoolOf.Clone();
        CostOf = (decimal[])other.CostOf.Clone();
        Ledger = other.Ledger.Clone();
        Objective = other.Objective;
    }

    public int[] PoolOf { get; }

    public decimal[] CostOf { get; }

    public JointLedger Ledger { get; }

    /// <summary>Placed cost plus the penalties of pending jobs, exactly as <see cref="PlacementObjective.Evaluate"/> adds them.</summary>
    public decimal Objective { get; private set; }

    public bool IsPlaced(int job) => PoolOf[job] >= 0;

    public void Place(int job, int pool, decimal cost)
    {
        Ledger.Take(_problem.Jobs[job], pool, cost);
        PoolOf[job] = pool;
        CostOf[job] = cost;
        Objective += cost - _problem.Penalty[job];
    }

    public void Unplace(int job)
    {
        Ledger.Release(_problem.Jobs[job], PoolOf[job], CostOf[job]);
        Objective += _problem.Penalty[job] - CostOf[job];
        PoolOf[job] = -1;
        CostOf[job] = 0m;
    }

    public FastSolution Clone() => new(this);
}
