using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Tests;

/// <summary>
/// The baselines' test oracle, written apart from the library's own audit: it goes through
/// <see cref="PlacementProblem.CandidatesFor"/> for eligibility and costs, and totals each joint limit on its own.
/// </summary>
internal static class BaselinePlanChecker
{
    public static void AssertKeepsEveryConstraint(PlacementProblem problem, PlacementPlan plan, string what)
    {
        var broken = Violations(problem, plan);
        Assert.True(broken.Count == 0, $"{what}: {string.Join("; ", broken.Take(5))}");
    }

    public static List<string> Violations(PlacementProblem problem, PlacementPlan plan)
    {
        var broken = new List<string>();
        var placedIds = plan.Assignments.Select(a => a.Job.Id).ToList();
        var allIds = placedIds.Concat(plan.Unplaced.Select(u => u.Job.Id)).ToList();
        if (allIds.Count != problem.Jobs.Count || !allIds.ToHashSet().SetEquals(problem.Jobs.Select(j => j.Id)))
        {
            broken.Add("every pending job must be placed or left pending exactly once");
        }

        foreach (var assignment in plan.Assignments)
        {
            var eligible = problem.CandidatesFor(assignment.Job).Where(c => c.Eligible).ToList();
            var match = eligible.FirstOrDefault(c => c.Pool.Name == assignment.Candidate.Pool.Name);
            if (match is null)
            {
                broken.Add($"{assignment.Job.Id} placed on ineligible pool {assignment.Candidate.Pool.Name}");
            }
            else if (match.Cost != assignment.Cost)
            {
                broken.Add($"{assignment.Job.Id} carries a cost the cost model does not give");
            }
        }

        foreach (var pool in plan.Assignments.GroupBy(a => a.Candidate.Pool.Name))
        {
            var fleetPool = problem.Fleet.Pools.Single(p => p.Name == pool.Key);
            if (pool.Sum(a => a.Cost.Nodes) > problem.FreeNodes(fleetPool))
            {
                broken.Add($"pool {pool.Key} over its free nodes");
            }
        }

        foreach (var cluster in problem.Fleet.Clusters)
        {
            foreach (var (model, cap) in cluster.GpuCaps)
            {
                var placed = plan.Assignments
                    .Where(a => a.Candidate.Cluster.Name == cluster.Name && a.Candidate.Pool.InstanceType.GpuModel == model)
                    .Sum(a => a.Cost.Nodes * a.Candidate.Pool.InstanceType.GpusPerNode);
                if (problem.GpusInUse.GetValueOrDefault((cluster.Name, model)) + placed > cap)
                {
                    broken.Add($"cluster {cluster.Name} over its {model} cap");
                }
            }
        }

        foreach (var (team, budget) in problem.RemainingBudgets)
        {
            var spent = plan.Assignments.Where(a => a.Job.Spec.Team == team).Aggregate(Money.Zero, (sum, a) => sum + a.Cost.Total);
            if (spent > budget)
            {
                broken.Add($"team {team} over its budget");
            }
        }
        return broken;
    }
}
