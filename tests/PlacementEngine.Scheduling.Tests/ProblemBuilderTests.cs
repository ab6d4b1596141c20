using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class ProblemBuilderTests
{
    /// <summary>Two T4 pools of one cluster; jobs placed on either hold nodes of their own pool and GPUs of the cluster.</summary>
    private static Fleets TwoPools() => Fleets.Make()
        .Cluster("c", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["T4"] = 16 })
        .Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 0.5m, 3)
        .Pool("g4dn.12xlarge", "T4", 4, CapacityType.OnDemand, 3.9m, 2);

    [Fact]
    public async Task BuildAsync_JobsHoldingCapacity_CountTheirNodesPerPoolAndTheirGpusPerClusterAndModel()
    {
        using var harness = new SchedulerHarness(TwoPools());
        await harness.SubmitAsync(JobSpecs.Gpu("one-gpu", 1).Hours(1).Obj());
        await harness.SubmitAsync(JobSpecs.Gpu("four-gpus", 4).Hours(1).Obj());
        await harness.CycleAndDispatchAsync();
        var ended = await harness.SubmitAsync(JobSpecs.Gpu("ended", 1).Hours(1).Obj());
        await harness.Jobs.CancelAsync(ended.Id, "", default);

        var problem = await new ProblemBuilder(harness.Store, harness.Fleet, harness.Prices, new StaticBudgetSource(new Dictionary<string, Money>()))
            .BuildAsync([], default);

        Assert.Equal(new Dictionary<string, int> { ["c/g4dn.xlarge/on-demand"] = 1, ["c/g4dn.12xlarge/on-demand"] = 1 }, problem.UsedNodes.Where(p => p.Value > 0).ToDictionary());
        Assert.Equal(5, problem.GpusInUse[("c", "T4")]);
    }
}
