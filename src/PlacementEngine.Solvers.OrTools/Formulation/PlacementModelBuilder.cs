using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>
/// Builds the 0-1 program: a binary column per eligible (job, pool) pair that fits the fleet on its own (eligibility
/// already holds residency, GPU model, price caps and taints), and a row per joint constraint: at most one pool per job
/// (a gang is one job, so it is never split), free nodes per pool, GPU caps per (cluster, model), each team's remaining
/// budget. Rows that even taking all their columns cannot break are left out; the solver would only drop them again.
/// </summary>
internal static class PlacementModelBuilder
{
    public static PlacementModel Build(PlacementProblem problem, IReadOnlyList<IReadOnlyList<Candidate>> candidates, PlacementObjective objective)
    {
        var alone = new CapacityLedger(problem);
        var columns = new List<ModelColumn>();
        var constant = Money.Zero;
        for (var j = 0; j < problem.Jobs.Count; j++)
        {
            var job = problem.Jobs[j];
            var penalty = objective.PendingPenalty(job);
            constant += penalty;
            foreach (var candidate in candidates[j].Where(c => c.Eligible && alone.Check(job, c) is null))
            {
                columns.Add(new ModelColumn(j, candidate, (candidate.Cost!.Total - penalty).Dollars));
            }
        }

        var rows = columns
            .SelectMany((column, index) => LimitsOn(problem, column).Select(x => (x.Limit, x.Use, Index: index)))
            .GroupBy(x => x.Limit)
            .Where(g => g.Sum(x => x.Use) > g.Key.Capacity)
            .Select(g => new ModelRow(g.Key.Kind, g.Key.Subject, g.Select(x => x.Index).ToArray(), g.Select(x => x.Use).ToArray(), g.Key.Capacity))
            .ToList();
        return new PlacementModel(columns, rows, constant);
    }

    /// <summary>Every joint limit a column draws on, with how much of it the column uses.</summary>
    private static IEnumerable<(Limit Limit, decimal Use)> LimitsOn(PlacementProblem problem, ModelColumn column)
    {
        var job = problem.Jobs[column.Job];
        var (pool, cluster, cost) = (column.Candidate.Pool, column.Candidate.Cluster, column.Candidate.Cost!);

        yield return (new Limit(ModelRowKind.OnePoolPerJob, job.Id.Value, 1m), 1m);

        yield return (new Limit(ModelRowKind.PoolNodes, pool.Name, problem.FreeNodes(pool)), cost.Nodes);

        if (pool.InstanceType.GpuModel is { } model && cluster.GpuCaps.TryGetValue(model, out var cap))
        {
            var left = Math.Max(0, cap - problem.GpusInUse.GetValueOrDefault((cluster.Name, model)));
            yield return (new Limit(ModelRowKind.GpuCap, $"{cluster.Name}/{model}", left), cost.Nodes * pool.InstanceType.GpusPerNode);
        }

        if (problem.RemainingBudgets.TryGetValue(job.Spec.Team, out var budget))
        {
            yield return (new Limit(ModelRowKind.Budget, job.Spec.Team, Math.Max(0m, budget.Dollars)), cost.Total.Dollars);
        }
    }

    private sealed record Limit(ModelRowKind Kind, string Subject, decimal Capacity);
}
