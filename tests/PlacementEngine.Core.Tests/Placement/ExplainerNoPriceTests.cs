using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement;

/// <summary>With no price for any pool, an explanation says so instead of blaming the GPU model or suggesting GPU changes.</summary>
public sealed class ExplainerNoPriceTests
{
    public static TheoryData<string, JobSpec> Jobs() => new()
    {
        { "GPU job asking for a T4 the fleet lacks", JobSpecs.Gpu("gpu", 1, "T4").Hours(1).Obj() },
        { "CPU job", JobSpecs.Cpu("cpu", 2m).Hours(1).Obj() },
    };

    /// <summary>A CPU pool and three tainted A100/H100 pools, none of them priced.</summary>
    private static PlacementProblem Unpriced(JobSpec spec)
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 2, vcpus: 2m, memoryGiB: 8m)
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu])
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 9m, 4, taints: [Taint.NvidiaGpu])
            .Pool("p5.48xlarge", "H100", 8, CapacityType.Spot, 30m, 4, taints: [Taint.NvidiaGpu]);
        var job = new PendingJob(new JobId("j"), spec, new HashSet<string>(), 1);
        return new PlacementProblem([job], fleets.Fleet(), new PriceBook(1, new Dictionary<PriceKey, Money>()),
            new Dictionary<string, int>(), new Dictionary<string, Money>(), new Dictionary<(string, string), int>());
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Explain_NoPoolPriced_SaysNoPriceAndSuggestsNoGpuChange(string scenario, JobSpec spec)
    {
        var problem = Unpriced(spec);

        var explanation = PlacementExplainer.Explain(problem, problem.Jobs[0], chosenPool: null);

        Assert.Equal("pending (no-price): none of the 4 pools has a price in the active price book; import prices first", explanation.Summary);
        Assert.Equal(RejectReason.NoPrice, explanation.Waits?.Reason);
        var hint = Assert.Single(explanation.WhatWouldFit);
        Assert.StartsWith("import prices: ", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("gpu", explanation.Summary + hint, StringComparison.OrdinalIgnoreCase);
        Assert.True(explanation.Candidates.Count == 4, scenario);
    }

    [Fact]
    public void Explain_OnePoolPriced_TheDominantRejectionAsBefore()
    {
        var problem = Unpriced(JobSpecs.Gpu("gpu", 1, "T4").Hours(1).Obj());
        var cpu = problem.Fleet.Pools[0];
        var priced = problem with { Prices = new PriceBook(1, new Dictionary<PriceKey, Money> { [PriceKey.For(problem.Fleet.ClusterOf(cpu), cpu)] = Money.Of(0.1m) }) };

        var explanation = PlacementExplainer.Explain(priced, priced.Jobs[0], chosenPool: null);

        Assert.Equal(RejectReason.GpuModel, explanation.Waits?.Reason);
        Assert.Null(PlacementExplainer.NoPoolPriced(priced));
    }
}
