using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Checks a plan against its problem from first principles, whichever solver made it: every job accounted for
/// exactly once; every placement eligible, on the candidate and cost the core's own evaluation gives; no pool over
/// its free nodes, no cluster over a GPU cap, no team over its remaining budget. Benchmarks print the outcome so a
/// cheaper plan is never a plan that breaks a rule.
/// </summary>
public static class PlanAudit
{
    public static IReadOnlyList<string> Violations(PlacementProblem problem, PlacementPlan plan)
    {
        var violations = new List<string>();
        CheckAccounting(problem, plan, violations);
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var gpus = new Dictionary<(string Cluster, string Model), int>();
        var spent = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var assignment in plan.Assignments)
        {
            var pool = assignment.Candidate.Pool;
            if (!problem.Fleet.TryGetPool(pool.Name, out var actual) || actual != pool)
            {
                violations.Add($"{assignment.Job.Id}: pool {pool.Name} is not the fleet's");
                continue;
            }
            var cluster = problem.Fleet.ClusterOf(actual);
            var truth = Eligibility.Evaluate(assignment.Job, cluster, actual, problem.Prices);
            if (!truth.Eligible)
            {
                violations.Add($"{assignment.Job.Id}: {pool.Name} is not eligible ({truth.Rejection!.Value.ToWire()}: {truth.Detail})");
                continue;
            }
            if (assignment.Candidate.Cost != truth.Cost)
            {
                violations.Add($"{assignment.Job.Id}: cost on {pool.Name} is {assignment.Candidate.Cost?.Total}, the cost model says {truth.Cost!.Total}");
            }
            nodes[pool.Name] = nodes.GetValueOrDefault(pool.Name) + truth.Cost!.Nodes;
            if (actual.InstanceType.GpuModel is { } model)
            {
                gpus[(cluster.Name, model)] = gpus.GetValueOrDefault((cluster.Name, model)) + (truth.Cost.Nodes * actual.InstanceType.GpusPerNode);
            }
            spent[assignment.Job.Spec.Team] = spent.GetValueOrDefault(assignment.Job.Spec.Team) + truth.Cost.Total;
        }
        CheckJointLimits(problem, nodes, gpus, spent, violations);
        return violations;
    }

    private static void CheckAccounting(PlacementProblem problem, PlacementPlan plan, List<string> violations)
    {
        var pending = problem.Jobs.Select(j => j.Id).ToHashSet();
        var seen = new HashSet<JobId>();
        foreach (var id in plan.Assignments.Select(a => a.Job.Id).Concat(plan.Unplaced.Select(u => u.Job.Id)))
        {
            if (!pending.Contains(id))
            {
                violations.Add($"{id}: not a pending job of the problem");
            }
            else if (!seen.Add(id))
            {
                violations.Add($"{id}: appears more than once in the plan");
            }
        }
        foreach (var missing in pending.Where(id => !seen.Contains(id)).Take(10))
        {
            violations.Add($"{missing}: neither placed nor reported pending");
        }
    }

    private static void CheckJointLimits(
        PlacementProblem problem,
        Dictionary<string, int> nodes,
        Dictionary<(string Cluster, string Model), int> gpus,
        Dictionary<string, Money> spent,
        List<string> violations)
    {
        foreach (var (name, taken) in nodes)
        {
            problem.Fleet.TryGetPool(name, out var pool);
            if (taken > problem.FreeNodes(pool))
            {
                violations.Add($"{name}: {taken} nodes placed, {problem.FreeNodes(pool)} free");
            }
        }
        foreach (var ((clusterName, model), taken) in gpus)
        {
            if (problem.Fleet.GetCluster(clusterName).GpuCaps.TryGetValue(model, out var cap))
            {
                var inUse = problem.GpusInUse.GetValueOrDefault((clusterName, model));
                if (inUse + taken > cap)
                {
                    violations.Add($"{clusterName}: {model} cap {cap}, {inUse} in use + {taken} placed");
                }
            }
        }
        foreach (var (team, total) in spent)
        {
            if (problem.RemainingBudgets.TryGetValue(team, out var budget) && total > budget)
            {
                violations.Add($"team {team}: ${total.Rounded()} placed, ${budget} left");
            }
        }
    }
}
