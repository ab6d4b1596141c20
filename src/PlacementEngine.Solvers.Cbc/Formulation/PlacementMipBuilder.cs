using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>
/// Builds the MIP: a binary column per eligible (job, pool) pair that fits the fleet on its own, and a row per joint
/// constraint: at most one pool per job, free nodes per pool, GPU caps per (cluster, model), each team's remaining
/// budget. Rows that even taking all their columns cannot break are left out; CBC would only drop them again.
/// </summary>
internal static class PlacementMipBuilder
{
    public static PlacementMip Build(PlacementProblem problem, IReadOnlyList<IReadOnlyList<Candidate>> candidates, PlacementObjective objective)
    {
        var alone = new CapacityLedger(problem);
        var columns = new List<MipColumn>();
        var constant = Money.Zero;
        for (var j = 0; j < problem.Jobs.Count; j++)
        {
            var job = problem.Jobs[j];
            var penalty = objective.PendingPenalty(job);
            constant += penalty;
            foreach (var candidate in candidates[j].Where(c => c.Eligible && alone.Check(job, c) is null))
            {
                columns.Add(new MipColumn(j, candidate, (double)(candidate.Cost!.Total - penalty).Dollars));
            }
        }

        var rows = columns
            .SelectMany((column, index) => LimitsOn(problem, column).Select(x => (x.Limit, x.Use, Index: index)))
            .GroupBy(x => x.Limit)
            .Where(g => g.Sum(x => x.Use) > g.Key.Capacity)
            .Select(g => new MipRow(g.Key.Kind, g.Key.Subject, g.Select(x => x.Index).ToArray(), g.Select(x => (double)x.Use).ToArray(), g.Key.UpperBound))
            .ToList();
        return new PlacementMip(columns, rows, constant);
    }

    /// <summary>Every joint limit a column draws on, with how much of it the column uses.</summary>
    private static IEnumerable<(Limit Limit, decimal Use)> LimitsOn(PlacementProblem problem, MipColumn column)
    {
        var job = problem.Jobs[column.Job];
        var (pool, cluster, cost) = (column.Candidate.Pool, column.Candidate.Cluster, column.Candidate.Cost!);

        yield return (new Limit(MipRowKind.OnePoolPerJob, job.Id.Value, 1m, 1), 1m);

        var free = problem.FreeNodes(pool);
        yield return (new Limit(MipRowKind.PoolNodes, pool.Name, free, free), cost.Nodes);

        if (pool.InstanceType.GpuModel is { } model && cluster.GpuCaps.TryGetValue(model, out var cap))
        {
            var left = Math.Max(0, cap - problem.GpusInUse.GetValueOrDefault((cluster.Name, model)));
            yield return (new Limit(MipRowKind.GpuCap, $"{cluster.Name}/{model}", left, left), cost.Nodes * pool.InstanceType.GpusPerNode);
        }

        if (problem.RemainingBudgets.TryGetValue(job.Spec.Team, out var budget))
        {
            yield return (new Limit(MipRowKind.Budget, job.Spec.Team, budget.Dollars, BudgetBound.UpperBound(budget)), cost.Total.Dollars);
        }
    }

    /// <param name="Capacity">The exact limit, to decide whether the row can bind.</param>
    /// <param name="UpperBound">The right-hand side CBC gets.</param>
    private sealed record Limit(MipRowKind Kind, string Subject, decimal Capacity, double UpperBound);
}
