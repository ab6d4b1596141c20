using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The snapshot as the rest of a plan would leave it for one job: capacity, GPUs and budget taken by every
/// other assignment. Explaining a what-if job against it shows the contention that decided its fate,
/// which the bare snapshot cannot (there, a pool another job of the plan took still looks free).
/// </summary>
internal sealed class PlanRemainder
{
    private readonly PlacementProblem _problem;
    private readonly Dictionary<JobId, Assignment> _assignments;
    private readonly Dictionary<string, int> _used;
    private readonly Dictionary<(string Cluster, string GpuModel), int> _gpus;
    private readonly Dictionary<string, Money> _budgets;

    /// <summary>Takes every assignment once, so that each job's view costs only the removal of its own.</summary>
    public PlanRemainder(PlacementProblem problem, PlacementPlan plan)
    {
        _problem = problem;
        _assignments = plan.Assignments.ToDictionary(a => a.Job.Id);
        _used = new Dictionary<string, int>(problem.UsedNodes, StringComparer.Ordinal);
        _gpus = new Dictionary<(string Cluster, string GpuModel), int>(problem.GpusInUse);
        _budgets = new Dictionary<string, Money>(problem.RemainingBudgets, StringComparer.Ordinal);
        foreach (var assignment in plan.Assignments)
        {
            Apply(_used, _gpus, _budgets, assignment, sign: 1);
        }
    }

    public Assignment? AssignmentOf(JobId job) => _assignments.GetValueOrDefault(job);

    /// <summary>The problem with every assignment but the job's own already taken.</summary>
    public PlacementProblem For(JobId job)
    {
        var used = new Dictionary<string, int>(_used, StringComparer.Ordinal);
        var gpus = new Dictionary<(string Cluster, string GpuModel), int>(_gpus);
        var budgets = new Dictionary<string, Money>(_budgets, StringComparer.Ordinal);
        if (_assignments.TryGetValue(job, out var own))
        {
            Apply(used, gpus, budgets, own, sign: -1);
        }
        return _problem with { UsedNodes = used, GpusInUse = gpus, RemainingBudgets = budgets };
    }

    private static void Apply(
        Dictionary<string, int> used,
        Dictionary<(string Cluster, string GpuModel), int> gpus,
        Dictionary<string, Money> budgets,
        Assignment assignment,
        int sign)
    {
        var candidate = assignment.Candidate;
        var nodes = assignment.Cost.Nodes * sign;
        used[candidate.Pool.Name] = used.GetValueOrDefault(candidate.Pool.Name) + nodes;
        if (candidate.Pool.InstanceType.GpuModel is { } model)
        {
            var key = (candidate.Cluster.Name, model);
            gpus[key] = gpus.GetValueOrDefault(key) + nodes * candidate.Pool.InstanceType.GpusPerNode;
        }
        // Teams without a budget have no limit, so only listed ones are charged.
        var team = assignment.Job.Spec.Team;
        if (budgets.TryGetValue(team, out var left))
        {
            budgets[team] = left - assignment.Cost.Total * sign;
        }
    }
}
