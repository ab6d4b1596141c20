using PlacementEngine.Core;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Support.PlacementApiHarness;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>
/// ExplainJob and PlanJobs over a CPU pool and five tainted A100/H100 pools: the chosen pool and the best 3 others
/// by default, every pool when asked; and with no price for any pool, a reason that says so.
/// </summary>
public sealed class ExplainAndPlanCandidatesTests
{
    private const int Pools = 6;

    private static Fleets SixPools() => Fleets.Make()
        .Cluster("gcp-eu", "gcp:europe-west4")
        .Pool("n2-standard-8", null, 0, CapacityType.OnDemand, 0.39m, 4, vcpus: 8m, memoryGiB: 32m)
        .Pool("a2-highgpu-1g", "A100", 1, CapacityType.Spot, 1.25m, 10, taints: [Taint.NvidiaGpu])
        .Pool("a2-highgpu-1g", "A100", 1, CapacityType.OnDemand, 3.67m, 10, taints: [Taint.NvidiaGpu])
        .Pool("a3-highgpu-8g", "H100", 8, CapacityType.Spot, 21.0m, 2, taints: [Taint.NvidiaGpu])
        .Cluster("aws-us", "aws:us-east-1")
        .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 32.77m, 4, taints: [Taint.NvidiaGpu])
        .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 9.83m, 4, taints: [Taint.NvidiaGpu]);

    private static V1.JobSpec Cpu()
    {
        var spec = Spec("cpu-job");
        spec.Worker = new V1.WorkerResources { Vcpus = 2, MemoryGib = 4 };
        return spec;
    }

    private static V1.JobSpec GpuT4()
    {
        var spec = Spec("t4-job");
        spec.Worker.GpuModels[0] = "T4";
        return spec;
    }

    private static async Task<V1.Explanation> ExplainAsync(PlacementApiHarness api, V1.JobSpec spec, bool all = false)
    {
        var job = await api.SubmitAsync(MlResearch, spec);
        return await api.JobService.ExplainJob(new V1.ExplainJobRequest { Id = job.Id, AllCandidates = all }, ContextFor(MlResearch));
    }

    private static Task<V1.PlanJobsResponse> PlanAsync(PlacementApiHarness api, V1.JobSpec spec, bool all = false) =>
        api.JobService.PlanJobs(new V1.PlanJobsRequest { Specs = { spec }, AllCandidates = all }, ContextFor(MlResearch));

    [Fact]
    public async Task ExplainJob_Default_ChosenAndBestThreeOthersAndHowManyLeftOut()
    {
        using var api = new PlacementApiHarness(SixPools());
        var job = await api.SubmitAsync(MlResearch);
        await api.AdvanceAsync(job.Id, "gcp-eu/a2-highgpu-1g/spot");

        var explanation = await api.JobService.ExplainJob(new V1.ExplainJobRequest { Id = job.Id }, ContextFor(MlResearch));

        Assert.Equal(1 + CandidateShortlist.DefaultOthers, explanation.Candidates.Count);
        Assert.Equal(Pools - explanation.Candidates.Count, explanation.CandidatesOmitted);
        Assert.Equal("gcp-eu/a2-highgpu-1g/spot", Assert.Single(explanation.Candidates, c => c.Chosen).Pool);
        // The runners-up that could take it come before the cheaper CPU pool that cannot.
        Assert.Equal(3, explanation.Candidates.Count(c => c.Eligible && !c.Chosen));
    }

    [Fact]
    public async Task ExplainJob_AllCandidates_EveryPoolNoneLeftOut()
    {
        using var api = new PlacementApiHarness(SixPools());

        var explanation = await ExplainAsync(api, Spec(), all: true);

        Assert.Equal((Pools, 0), (explanation.Candidates.Count, explanation.CandidatesOmitted));
    }

    [Fact]
    public async Task PlanJobs_DefaultAndAll_ShortlistOrEveryPool()
    {
        using var api = new PlacementApiHarness(SixPools());

        var shortlist = Assert.Single((await PlanAsync(api, Spec())).Jobs);
        var all = Assert.Single((await PlanAsync(api, Spec(), all: true)).Jobs);

        Assert.Equal((4, 2), (shortlist.Candidates.Count, shortlist.CandidatesOmitted));
        Assert.Equal((Pools, 0), (all.Candidates.Count, all.CandidatesOmitted));
        Assert.Equal(shortlist.Chosen.Pool, Assert.Single(shortlist.Candidates, c => c.Chosen).Pool);
    }

    public static TheoryData<string> Unpriced() => new() { "gpu", "cpu" };

    [Theory]
    [MemberData(nameof(Unpriced))]
    public async Task ExplainJob_NoPoolPriced_SaysNoPriceNeverTheGpuModel(string kind)
    {
        using var api = new PlacementApiHarness(SixPools(), new PriceBook(1, new Dictionary<PriceKey, Money>()));

        var explanation = await ExplainAsync(api, kind == "gpu" ? GpuT4() : Cpu());

        Assert.Equal("pending (no-price): none of the 6 pools has a price in the active price book; import prices first", explanation.Summary);
        Assert.Equal("no-price: none of the 6 pools has a price in the active price book; import prices first", Assert.Single(explanation.PendingReasons));
        Assert.DoesNotContain(explanation.WhatWouldFit, hint => hint.Contains("gpu", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Unpriced))]
    public async Task PlanJobs_NoPoolPriced_SaysNoPriceNeverTheGpuModel(string kind)
    {
        using var api = new PlacementApiHarness(SixPools(), new PriceBook(1, new Dictionary<PriceKey, Money>()));

        var job = Assert.Single((await PlanAsync(api, kind == "gpu" ? GpuT4() : Cpu())).Jobs);

        Assert.Equal("no-price", job.Reason);
        Assert.StartsWith("pending (no-price): none of the 6 pools has a price", job.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(job.WhatWouldFit, hint => hint.Contains("gpu", StringComparison.OrdinalIgnoreCase));
    }
}
