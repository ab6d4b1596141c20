namespace PlacementEngine.Core;

/// <summary>
/// <see cref="CapacityLedger"/> on arrays: free nodes per pool, GPUs left per capped (cluster, model), money left
/// per budget-limited team. Same rules, exactly: a job fits when its nodes, its GPUs and its exact cost all fit.
/// </summary>
internal sealed class JointLedger
{
    private readonly FleetIndex _index;

    private JointLedger(FleetIndex index, int[] freeNodes, int[] gpusLeft, decimal[] budgetLeft)
    {
        _index = index;
        FreeNodes = freeNodes;
        GpusLeft = gpusLeft;
        BudgetLeft = budgetLeft;
    }

    public int[] FreeNodes { get; }

    /// <summary>Per cap key: the cap minus GPUs in use and taken; negative when the cluster already runs over it.</summary>
    public int[] GpusLeft { get; }

    public decimal[] BudgetLeft { get; }

    public static JointLedger Initial(PlacementProblem problem, FleetIndex index, IReadOnlyList<string> limitedTeams)
    {
        var free = index.Pools.Select(p => problem.FreeNodes(p.Pool)).ToArray();
        var gpus = index.CapKeys.Select(k => k.Cap - problem.GpusInUse.GetValueOrDefault((k.ClusterName, k.Model))).ToArray();
        var budgets = limitedTeams.Select(t => problem.RemainingBudgets[t].Dollars).ToArray();
        return new JointLedger(index, free, gpus, budgets);
    }

    public JointLedger Clone() => new(_index, (int[])FreeNodes.Clone(), (int[])GpusLeft.Clone(), (decimal[])BudgetLeft.Clone());

    public void CopyFrom(JointLedger other)
    {
        Array.Copy(other.FreeNodes, FreeNodes, FreeNodes.Length);
        Array.Copy(other.GpusLeft, GpusLeft, GpusLeft.Length);
        Array.Copy(other.BudgetLeft, BudgetLeft, BudgetLeft.Length);
    }

    /// <summary>Nodes and GPUs only: the checks that do not need the exact cost.</summary>
    public bool FitsResources(JobFacts job, int pool)
    {
        if (FreeNodes[pool] < job.Workers)
        {
            return false;
        }
        var capKey = _index.CapKeyOf[pool];
        return capKey < 0 || GpusLeft[capKey] >= job.Workers * _index.GpusOf[pool];
    }

    public bool FitsBudget(JobFacts job, decimal cost) => job.Team < 0 || cost <= BudgetLeft[job.Team];

    public bool Fits(JobFacts job, int pool, decimal cost) => FitsResources(job, pool) && FitsBudget(job, cost);

    public void Take(JobFacts job, int pool, decimal cost) => Apply(job, pool, cost, -1);

    public void Release(JobFacts job, int pool, decimal cost) => Apply(job, pool, cost, +1);

    private void Apply(JobFacts job, int pool, decimal cost, int sign)
    {
        FreeNodes[pool] += sign * job.Workers;
        var capKey = _index.CapKeyOf[pool];
        if (capKey >= 0)
        {
            GpusLeft[capKey] += sign * job.Workers * _index.GpusOf[pool];
        }
        if (job.Team >= 0)
        {
            BudgetLeft[job.Team] += sign * cost;
        }
    }
}
