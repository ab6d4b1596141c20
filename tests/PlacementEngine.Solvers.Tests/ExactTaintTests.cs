using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The exact model takes its candidates from eligibility, so a tainted GPU pool is off limits to CPU jobs there too.</summary>
public sealed class ExactTaintTests
{
    private static PlacementProblem CpuFullGpuFree(JobSpec spec)
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 2, vcpus: 2m, memoryGiB: 8m)
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu]);
        return new PlacementProblem([new PendingJob(new JobId("cpu"), spec, new HashSet<string>(), 1)], fleets.Fleet(), fleets.Prices(),
            new Dictionary<string, int> { ["c/m5.large/on-demand"] = 2 }, new Dictionary<string, Money>(), new Dictionary<(string, string), int>());
    }

    [Fact]
    public void Solve_CpuJobCpuPoolFullGpuPoolFree_StaysPending()
    {
        var plan = new ExactSolver().Solve(CpuFullGpuFree(JobSpecs.Cpu("cpu", 2m).Obj()));

        Assert.Empty(plan.Assignments);
        Assert.Single(plan.Unplaced);
    }

    [Fact]
    public void Solve_CpuJobToleratingTheGpuTaint_IsPlacedOnTheGpuPool()
    {
        var plan = new ExactSolver().Solve(CpuFullGpuFree(JobSpecs.Cpu("cpu", 2m).Tolerate(Toleration.NvidiaGpu).Obj()));

        Assert.Equal("c/p4d.24xlarge/on-demand", Assert.Single(plan.Assignments).Candidate.Pool.Name);
    }
}
