using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement;

/// <summary>Invariants every solver must keep, on random fleets and queues that FsCheck shrinks when one breaks.</summary>
public sealed class SolverPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Solve_Greedy_NeverBreaksAHardOrJointConstraint() => HoldsFor(new GreedySolver());

    [Property(MaxTest = 300)]
    public Property Solve_Fast_NeverBreaksAHardOrJointConstraint() => HoldsFor(new FastSolver());

    [Fact]
    public void RandomProblems_PlacePlentyOfJobs_SoThePropertiesAreNotVacuous()
    {
        var placed = RandomProblems.Default().Generator.Sample(50).Sum(problem => new GreedySolver().Solve(problem).Assignments.Count);

        Assert.True(placed > 150, $"the random instances should place plenty of jobs, placed {placed}");
    }

    private static Property HoldsFor(IPlacementSolver solver) =>
        RandomProblems.ForAll(RandomProblems.Default(), problem => PlanInvariants.AssertHold(problem, solver.Solve(problem), "instance"));
}

internal static class PlanInvariants
{
    public static void AssertHold(PlacementProblem problem, PlacementPlan plan, string context)
    {
        var jobIds = problem.Jobs.Select(j => j.Id).ToList();
        var decided = plan.Assignments.Select(a => a.Job.Id).Concat(plan.Unplaced.Select(u => u.Job.Id)).ToList();
        Assert.True(decided.Count == decided.Distinct().Count(), $"{context}: a job was decided twice");
        Assert.True(jobIds.ToHashSet().SetEquals(decided), $"{context}: every job gets exactly one decision");

        var nodes = new Dictionary<string, int>();
        var spent = new Dictionary<string, Money>();
        foreach (var a in plan.Assignments)
        {
            var job = a.Job;
            var pool = a.Candidate.Pool;
            var cluster = problem.Fleet.ClusterOf(pool);
            var fresh = Eligibility.Evaluate(job, cluster, pool, problem.Prices);
            Assert.True(fresh.Eligible, $"{context}: {job.Id} on {pool.Name}: {fresh.Rejection} {fresh.Detail}");

            var allowed = job.Spec.Residency.Jurisdictions;
            Assert.True(allowed.Count == 0 || allowed.Contains(cluster.Jurisdiction), $"{context}: {job.Id} placed in {cluster.Jurisdiction}");
            var models = job.Spec.Worker.GpuModels;
            Assert.True(job.Spec.Worker.Gpus == 0 || models.Count == 0 || models.Contains(pool.InstanceType.GpuModel!), $"{context}: {job.Id} got {pool.InstanceType.GpuModel}");
            Assert.True(cluster.Healthy, $"{context}: {job.Id} placed on unhealthy {cluster.Name}");
            Assert.Equal(CostModel.NodesFor(job.Spec, pool.InstanceType), a.Cost.Nodes);

            nodes[pool.Name] = nodes.GetValueOrDefault(pool.Name) + a.Cost.Nodes;
            spent[job.Spec.Team] = spent.GetValueOrDefault(job.Spec.Team) + a.Cost.Total;
        }
        foreach (var (poolName, taken) in nodes)
        {
            Assert.True(problem.Fleet.TryGetPool(poolName, out var pool));
            Assert.True(taken <= problem.FreeNodes(pool), $"{context}: {poolName} given {taken} nodes, {problem.FreeNodes(pool)} free");
        }
        foreach (var (team, total) in spent)
        {
            if (problem.RemainingBudgets.TryGetValue(team, out var budget))
            {
                Assert.True(total <= budget, $"{context}: team {team} planned {total}, budget {budget}");
            }
        }
        foreach (var cluster in problem.Fleet.Clusters)
        {
            foreach (var (model, cap) in cluster.GpuCaps)
            {
                var gpus = plan.Assignments.Where(a => a.Candidate.Cluster.Name == cluster.Name && a.Candidate.Pool.InstanceType.GpuModel == model)
                    .Sum(a => a.Cost.Nodes * a.Candidate.Pool.InstanceType.GpusPerNode);
                Assert.True(gpus + problem.GpusInUse.GetValueOrDefault((cluster.Name, model)) <= cap, $"{context}: {cluster.Name} {model} over cap");
            }
        }
    }
}
