using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement;

/// <summary>GPU pools carry the nvidia.com/gpu taint: a CPU job lands there only when it tolerates it.</summary>
public sealed class TaintTests
{
    private const string CpuPool = "c/m5.large/on-demand";
    private const string GpuPool = "c/p4d.24xlarge/on-demand";

    public static TheoryData<string, IPlacementSolver> Solvers() => new()
    {
        { "greedy", new GreedySolver() },
        { "fast", new FastSolver(new FastSolverOptions { ExactSearchMaxJobs = 0 }) },
    };

    private static PendingJob Job(string id, JobSpec spec) => new(new JobId(id), spec, new HashSet<string>(), 1);

    /// <summary>A full CPU pool (2 of 2 nodes used) beside a free, tainted A100 pool.</summary>
    private static PlacementProblem CpuFullGpuFree(JobSpec spec, bool withCpuPool = true)
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1");
        if (withCpuPool)
        {
            fleets.Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 2, vcpus: 2m, memoryGiB: 8m);
        }
        fleets.Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu]);
        return new PlacementProblem([Job("cpu", spec)], fleets.Fleet(), fleets.Prices(),
            new Dictionary<string, int> { [CpuPool] = 2 }, new Dictionary<string, Money>(), new Dictionary<(string, string), int>());
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_CpuJobCpuPoolsFullGpuPoolFree_StaysPending(string solver, IPlacementSolver placement)
    {
        var problem = CpuFullGpuFree(JobSpecs.Cpu("cpu", 2m).Obj());

        var plan = placement.Solve(problem);

        Assert.True(plan.Assignments.Count == 0, $"{solver} placed the CPU job");
        Assert.Equal(RejectReason.Capacity, plan.Unplaced.Single().Reason);
        var gpu = problem.CandidatesFor(problem.Jobs[0]).Single(c => c.Pool.Name == GpuPool);
        Assert.Equal(RejectReason.Taint, gpu.Rejection);
        Assert.Equal("pool is tainted nvidia.com/gpu:NoSchedule and the job does not tolerate it", gpu.Detail);
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_CpuJobPricedOutOfTheCpuPoolAndMoreGpuPoolsTainted_ReasonIsThePriceCapNotTheTaint(string solver, IPlacementSolver placement)
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 2, vcpus: 2m, memoryGiB: 8m)
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu])
            .Pool("p5.48xlarge", "H100", 8, CapacityType.Spot, 30m, 4, taints: [Taint.NvidiaGpu]);
        var problem = new PlacementProblem([Job("cpu", JobSpecs.Cpu("cpu", 2m).MaxHourly(0.001m).Obj())], fleets.Fleet(), fleets.Prices(),
            new Dictionary<string, int>(), new Dictionary<string, Money>(), new Dictionary<(string, string), int>());

        var unplaced = Assert.Single(placement.Solve(problem).Unplaced);

        Assert.True(unplaced.Reason == RejectReason.PriceCap, $"{solver}: {unplaced.Reason} {unplaced.Detail}");
        Assert.StartsWith("1 of 3 pools", unplaced.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_CpuJobOnlyTaintedGpuPool_UnplacedWithReasonTaint(string solver, IPlacementSolver placement)
    {
        var plan = placement.Solve(CpuFullGpuFree(JobSpecs.Cpu("cpu", 2m).Obj(), withCpuPool: false));

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.True(unplaced.Reason == RejectReason.Taint, $"{solver}: {unplaced.Reason}");
        Assert.Contains("nvidia.com/gpu:NoSchedule", unplaced.Detail, StringComparison.Ordinal);
        Assert.Equal("taint", unplaced.Reason.ToWire());
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_CpuJobToleratingTheGpuTaint_IsPlacedOnTheGpuPool(string solver, IPlacementSolver placement)
    {
        var spec = JobSpecs.Cpu("cpu", 2m).Tolerate(new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule)).Obj();

        var plan = placement.Solve(CpuFullGpuFree(spec));

        Assert.True(plan.Assignments.Count == 1, solver);
        Assert.Equal(GpuPool, plan.Assignments.Single().Candidate.Pool.Name);
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_GpuJobWithoutToleration_IsPlacedOnTheTaintedGpuPool(string solver, IPlacementSolver placement)
    {
        var plan = placement.Solve(CpuFullGpuFree(JobSpecs.Gpu("train", 8).Obj()));

        Assert.True(plan.Assignments.Count == 1, solver);
        Assert.Equal(GpuPool, plan.Assignments.Single().Candidate.Pool.Name);
    }

    public static TheoryData<string, Toleration, Taint, bool> Matches() => new()
    {
        { "exists, same key, any effect", new("k", TolerationOperator.Exists, "", null), new("k", "v", TaintEffect.NoExecute), true },
        { "equal, same value", new("k", TolerationOperator.Equal, "v", TaintEffect.NoSchedule), new("k", "v", TaintEffect.NoSchedule), true },
        { "equal, other value", new("k", TolerationOperator.Equal, "w", null), new("k", "v", TaintEffect.NoSchedule), false },
        { "other effect", new("k", TolerationOperator.Exists, "", TaintEffect.NoExecute), new("k", "", TaintEffect.NoSchedule), false },
        { "other key", new("j", TolerationOperator.Exists, "", null), new("k", "", TaintEffect.NoSchedule), false },
        { "empty key, exists: everything", new("", TolerationOperator.Exists, "", null), new("k", "v", TaintEffect.NoSchedule), true },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void Tolerates_KubernetesRules_MatchAsKubernetesDoes(string scenario, Toleration toleration, Taint taint, bool expected)
    {
        Assert.True(toleration.Tolerates(taint) == expected, scenario);
    }

    [Fact]
    public void Evaluate_PreferNoScheduleTaint_DoesNotKeepTheJobOff()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 2, taints: [new Taint("spot", "", TaintEffect.PreferNoSchedule)]);
        var fleet = fleets.Fleet();

        var candidate = Eligibility.Evaluate(Job("cpu", JobSpecs.Cpu("cpu", 2m).Obj()), fleet.Clusters[0], fleet.Pools[0], fleets.Prices());

        Assert.True(candidate.Eligible);
    }

    [Fact]
    public void Explain_GpuLessJobBlockedByAFullGpuCap_NeverSuggestsAGpuChange()
    {
        // The CPU job tolerates the taint, so the only pool with room is the GPU one, and its cluster's A100 cap is used up.
        var spec = JobSpecs.Cpu("cpu", 2m).Tolerate(Toleration.NvidiaGpu).Obj();
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 8 })
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu]);
        var problem = new PlacementProblem([Job("cpu", spec)], fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money>(), new Dictionary<(string, string), int> { [("c", "A100")] = 8 });

        var explanation = PlacementExplainer.Explain(problem, problem.Jobs[0], chosenPool: null);

        Assert.Equal(RejectReason.GpuCap, explanation.Candidates.Single().Rejection);
        Assert.DoesNotContain(explanation.WhatWouldFit, hint => hint.Contains("GPU", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Explain_GpuLessJobOnlyTaintedGpuPools_SaysTaintAndNeverMentionsGpuCaps()
    {
        var problem = CpuFullGpuFree(JobSpecs.Cpu("cpu", 2m).Obj(), withCpuPool: false);

        var explanation = PlacementExplainer.Explain(problem, problem.Jobs[0], chosenPool: null);

        Assert.StartsWith("pending (taint):", explanation.Summary, StringComparison.Ordinal);
        Assert.Equal(RejectReason.Taint, explanation.Candidates.Single().Rejection);
        Assert.DoesNotContain(explanation.WhatWouldFit, hint => hint.Contains("GPU cap", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(explanation.WhatWouldFit, hint => hint.StartsWith("tolerate the taint", StringComparison.Ordinal));
    }
}
