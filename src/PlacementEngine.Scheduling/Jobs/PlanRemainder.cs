using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The snapshot as the rest of a plan would leave it for one job: capacity, GPUs and budget taken by every
/// other assignment. Explaining a what-if job against it shows the contention that decided its fate,
/// which the bare snapshot cannot (there, a pool another job of the plan took still looks free).
/// </summary>
internal static class PlanRemainder
{
    public static PlacementProblem Without(PlacementProblem problem, PlacementPlan plan, JobId job)
    {
        var used = new Dictionary<string, int>(problem.UsedNodes, StringComparer.Ordinal);
        var gpus = new Dictionary<(string Cluster, string GpuModel), int>(problem.GpusInUse);
        var budgets = new Dictionary<string, Money>(problem.RemainingBudgets, StringComparer.Ordinal);
        foreach (var other in plan.Assignments.Where(a => a.Job.Id != job))
        {
            var candidate = other.Candidate;
            var nodes = other.Cost.Nodes;
            used[candidate.Pool.Name] = used.GetValueOrDefault(candidate.Pool.Name) + nodes;
            if (candidate.Pool.InstanceType.GpuModel is { } model)
            {
                var key = (candidate.Cluster.Name, model);
                gpus[key] = gpus.GetValueOrDefault(key) + nodes * candidate.Pool.InstanceType.GpusPerNode;
            }
            if (budgets.TryGetValue(other.Job.Spec.Team, out var left))
            {
                budgets[other.Job.Spec.Team] = left - other.Cost.Total;
            }
        }
        return problem with { UsedNodes = used, GpusInUse = gpus, RemainingBudgets = budgets };
    }
}
