using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Tests.Support;

/// <summary>
/// The invariants every plan must keep, checked from the problem alone: each job decided once, assignments eligible
/// with the problem's own candidate and cost, gangs whole, and free nodes, GPU caps and budgets never exceeded (in decimal).
/// </summary>
internal static class PlanChecks
{
    public static void AssertHold(PlacementProblem problem, PlacementPlan plan, string context)
    {
        AssertEveryJobDecidedOnce(problem, plan, context);
        foreach (var assignment in plan.Assignments)
        {
            AssertEligible(problem, assignment, context);
        }
        AssertPoolsNotOverfilled(problem, plan, context);
        AssertGpuCapsKept(problem, plan, context);
        AssertBudgetsKept(problem, plan, context);
        AssertGangsWhole(plan, context);
    }

    /// <summary>A gang is one job: all its workers' nodes in the one pool it is assigned to, never fewer.</summary>
    public static void AssertGangsWhole(PlacementPlan plan, string context)
    {
        foreach (var a in plan.Assignments)
        {
            var nodes = CostModel.NodesFor(a.Job.Spec, a.Candidate.Pool.InstanceType);
            Assert.True(a.Cost.Nodes == nodes, $"{context}: {a.Job.Id} given {a.Cost.Nodes} nodes of {a.Candidate.Pool.Name}, its workers need {nodes}");
        }
    }

    public static void AssertEveryJobDecidedOnce(PlacementProblem problem, PlacementPlan plan, string context)
    {
        var decided = plan.Assignments.Select(a => a.Job.Id).Concat(plan.Unplaced.Select(u => u.Job.Id)).ToList();
        Assert.True(decided.Count == decided.Distinct().Count(), $"{context}: a job was decided twice");
        Assert.True(problem.Jobs.Select(j => j.Id).ToHashSet().SetEquals(decided), $"{context}: every job gets exactly one decision");
    }

    public static void AssertEligible(PlacementProblem problem, Assignment assignment, string context)
    {
        var (job, pool) = (assignment.Job, assignment.Candidate.Pool);
        var fresh = Eligibility.Evaluate(job, problem.Fleet.ClusterOf(pool), pool, problem.Prices);
        Assert.True(fresh.Eligible, $"{context}: {job.Id} on {pool.Name}: {fresh.Rejection} {fresh.Detail}");
        Assert.True(fresh.Cost == assignment.Cost, $"{context}: {job.Id} on {pool.Name} carries a cost the cost model does not give");
        Assert.True(fresh.Cluster.Healthy, $"{context}: {job.Id} placed on unhealthy {fresh.Cluster.Name}");
        var allowed = job.Spec.Residency.Jurisdictions;
        Assert.True(allowed.Count == 0 || allowed.Contains(fresh.Cluster.Jurisdiction), $"{context}: {job.Id} placed in {fresh.Cluster.Jurisdiction}");
    }

    public static void AssertPoolsNotOverfilled(PlacementProblem problem, PlacementPlan plan, string context)
    {
        foreach (var group in plan.Assignments.GroupBy(a => a.Candidate.Pool.Name))
        {
            Assert.True(problem.Fleet.TryGetPool(group.Key, out var pool), $"{context}: unknown pool {group.Key}");
            var taken = group.Sum(a => a.Cost.Nodes);
            Assert.True(taken <= problem.FreeNodes(pool), $"{context}: {pool.Name} given {taken} nodes, {problem.FreeNodes(pool)} free");
        }
    }

    public static void AssertGpuCapsKept(PlacementProblem problem, PlacementPlan plan, string context)
    {
        foreach (var cluster in problem.Fleet.Clusters)
        {
            foreach (var (model, cap) in cluster.GpuCaps)
            {
                var planned = plan.Assignments
                    .Where(a => a.Candidate.Cluster.Name == cluster.Name && a.Candidate.Pool.InstanceType.GpuModel == model)
                    .Sum(a => a.Cost.Nodes * a.Candidate.Pool.InstanceType.GpusPerNode);
                var inUse = problem.GpusInUse.GetValueOrDefault((cluster.Name, model));
                Assert.True(planned == 0 || planned + inUse <= cap, $"{context}: {cluster.Name} {model}: {planned} planned + {inUse} in use > cap {cap}");
            }
        }
    }

    public static void AssertBudgetsKept(PlacementProblem problem, PlacementPlan plan, string context)
    {
        foreach (var group in plan.Assignments.GroupBy(a => a.Job.Spec.Team))
        {
            var spent = group.Aggregate(Money.Zero, (sum, a) => sum + a.Cost.Total);
            if (problem.RemainingBudgets.TryGetValue(group.Key, out var budget))
            {
                Assert.True(spent <= budget, $"{context}: team {group.Key} planned {spent}, {budget} left");
            }
        }
    }
}
