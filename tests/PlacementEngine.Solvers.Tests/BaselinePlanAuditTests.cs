using PlacementEngine.Core;
using PlacementEngine.Scenarios;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The audit the benchmark prints for every plan catches each kind of broken rule.</summary>
public sealed class BaselinePlanAuditTests
{
    private static readonly Fleets Fleet = Fleets.Make()
        .Cluster("c1", "gcp:us-central1", gpuCaps: new Dictionary<string, int> { ["A100"] = 8 })
        .Pool("p", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 1)
        .Cluster("eu", "gcp:europe-west4").Pool("q", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 4);

    [Fact]
    public void Violations_ValidPlan_None()
    {
        var problem = Problem(JobSpecs.Gpu("a", 8).Obj());
        var plan = Plan(problem, (0, "c1/p/on-demand"));

        Assert.Empty(PlanAudit.Violations(problem, plan));
    }

    [Fact]
    public void Violations_PoolOverItsFreeNodesAndGpuCap_Reported()
    {
        var problem = Problem(JobSpecs.Gpu("a", 8).Obj(), JobSpecs.Gpu("b", 8).Obj());
        var plan = Plan(problem, (0, "c1/p/on-demand"), (1, "c1/p/on-demand"));

        var violations = PlanAudit.Violations(problem, plan);

        Assert.Contains(violations, v => v.Contains("free", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("cap", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_ResidencyBrokenJobTwiceAndOverBudget_Reported()
    {
        var problem = Problem(JobSpecs.Gpu("a", 8).In("US").Obj(), JobSpecs.Gpu("b", 8).Obj()) with
        {
            RemainingBudgets = new Dictionary<string, Money> { ["team-a"] = Money.Of(1m) },
        };
        var plan = Plan(problem, (0, "eu/q/on-demand"), (1, "eu/q/on-demand"), (1, "eu/q/on-demand"));

        var violations = PlanAudit.Violations(problem, plan);

        Assert.Contains(violations, v => v.Contains("residency", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("team team-a", StringComparison.Ordinal));
    }

    private static PlacementProblem Problem(params JobSpec[] specs) => new(
        specs.Select((s, i) => new PendingJob(new JobId($"j{i}"), s, new HashSet<string>(), 1)).ToList(),
        Fleet.Fleet(),
        Fleet.Prices(),
        new Dictionary<string, int>(),
        new Dictionary<string, Money>(),
        new Dictionary<(string, string), int>());

    /// <summary>A plan placing the given jobs on the given pools, with the candidates the core evaluates, checks or not.</summary>
    private static PlacementPlan Plan(PlacementProblem problem, params (int Job, string Pool)[] placements)
    {
        var assignments = placements.Select(p =>
        {
            var job = problem.Jobs[p.Job];
            problem.Fleet.TryGetPool(p.Pool, out var pool);
            return new Assignment(job, Eligibility.Evaluate(job, problem.Fleet.ClusterOf(pool), pool, problem.Prices));
        }).ToList();
        var placed = placements.Select(p => p.Job).ToHashSet();
        var unplaced = problem.Jobs.Where((_, i) => !placed.Contains(i)).Select(j => new Unplaced(j, RejectReason.Capacity, "", false)).ToList();
        return new PlacementPlan("hand", assignments, unplaced, null);
    }
}
