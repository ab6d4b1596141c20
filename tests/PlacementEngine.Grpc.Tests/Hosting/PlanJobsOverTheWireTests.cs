using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using Xunit.Abstractions;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Hosting;

/// <summary>
/// PlanJobs at its cap of 1000 specs, each near the 4 KiB a default 4 MiB request allows, against a fleet the
/// size of the example fleet (56 pools), over a real channel whose client keeps Grpc.Net.Client's default 4 MiB
/// receive limit. The specs compete for A100 nodes, wait on a selector no cluster matches (a long echoed key and
/// value in every candidate, the summary and a hint), or are rejected everywhere for four different reasons.
/// </summary>
public sealed class PlanJobsOverTheWireTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ArgChars = 3200;
    private static readonly string[] Clusters =
        ["eks-us-east-1", "eks-eu-central-1", "gke-us-central1", "gke-europe-west4", "aks-eastus", "aks-westeurope", "aks-northeurope"];
    private static readonly string[] Regions =
        ["aws:us-east-1", "aws:eu-central-1", "gcp:us-central1", "gcp:europe-west4", "azure:eastus", "azure:westeurope", "azure:northeurope"];

    private GrpcTestHost _host = null!;

    // The container built the harness, so it disposes it with the host.
    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(
        services: s => s
            .AddSingleton(_ => new PlacementApiHarness(ExampleSizedFleet()))
            .AddSingleton(sp => sp.GetRequiredService<PlacementApiHarness>().JobService)
            .AddSingleton(sp => sp.GetRequiredService<PlacementApiHarness>().FleetService),
        map: app => app.MapPlacementServices(),
        scriptedJobs: false,
        maxReceiveMessageBytes: GrpcServerOptions.DefaultMaxReceiveMessageBytes);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Fleets ExampleSizedFleet()
    {
        var fleets = Fleets.Make();
        for (var c = 0; c < Clusters.Length; c++)
        {
            fleets.Cluster(Clusters[c], Regions[c])
                .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 6.53m + c, 4)
                .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 21.96m + c, 4)
                .Pool("p5.48xlarge", "H100", 8, CapacityType.Spot, 12.04m + c, 2)
                .Pool("p5.48xlarge", "H100", 8, CapacityType.OnDemand, 55.04m + c, 2)
                .Pool("g6e.12xlarge", "L40S", 4, CapacityType.Spot, 4.1m + c, 8)
                .Pool("g6e.12xlarge", "L40S", 4, CapacityType.OnDemand, 10.49m + c, 8)
                .Pool("m7i.16xlarge", null, 0, CapacityType.Spot, 1.2m + c, 16, vcpus: 64m, memoryGiB: 256m)
                .Pool("m7i.16xlarge", null, 0, CapacityType.OnDemand, 3.23m + c, 16, vcpus: 64m, memoryGiB: 256m);
        }
        return fleets;
    }

    /// <summary>
    /// A valid spec of about 3.5 KB: a 63-character name and a long argument. A third of them wait on a selector no
    /// cluster has; a third are EU, spot-only and capped below every EU A100 price, so each of their pools is
    /// rejected for one of four reasons (residency, capacity policy, GPU model, price cap), each with its hint.
    /// </summary>
    private static V1.JobSpec LargeSpec(int index)
    {
        var spec = PlacementApiHarness.Spec($"what-if-{index:D4}-".PadRight(63, 'x'));
        spec.Container.Args.Add(new string('a', ArgChars));
        switch (index % 3)
        {
            case 1:
                spec.ClusterSelector.Add("placement.example.com/" + new string('k', 63), new string('v', 63));
                break;
            case 2:
                spec.Residency = new V1.Residency { Jurisdictions = { "EU" } };
                spec.CapacityPolicy = V1.CapacityPolicy.SpotOnly;
                spec.MaxHourlyPrice = "7.00";
                break;
        }
        return spec;
    }

    private static V1.PlanJobsRequest AtTheCap(bool all) =>
        new() { Specs = { Enumerable.Range(0, PlanOperations.MaxSpecs).Select(LargeSpec) }, AllCandidates = all };

    [Fact]
    public async Task PlanJobs_MaxSpecsOfLargeSpecs_AnsweredWithinADefaultClientsReceiveLimit()
    {
        var request = AtTheCap(all: false);

        var response = await _host.Jobs(GrpcTestHost.SubmitterToken).PlanJobsAsync(request);

        output.WriteLine($"request {request.CalculateSize()} bytes; answer {response.CalculateSize()} bytes for {response.Jobs.Count} jobs");
        Assert.Equal(PlanOperations.MaxSpecs, response.Jobs.Count);
        Assert.True(response.CalculateSize() <= AnswerSize.DefaultClientReceiveBytes);
        Assert.All(response.Jobs, job =>
        {
            Assert.InRange(job.Candidates.Count, 1, 1 + CandidateShortlist.DefaultOthers);
            Assert.Equal(Clusters.Length * 8, job.Candidates.Count + job.CandidatesOmitted);
        });
        Assert.Contains(response.Jobs, job => job.Placed);
        Assert.Contains(response.Jobs, job => job.Reason == "selector");
        Assert.Contains(response.Jobs, job => job.Reason == "residency" && job.WhatWouldFit.Count == 4);
    }

    [Fact]
    public async Task PlanJobs_MaxSpecsWithAllCandidates_ResourceExhaustedNamingTheFix()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs(GrpcTestHost.SubmitterToken).PlanJobsAsync(AtTheCap(all: true)).ResponseAsync);

        output.WriteLine(ex.Status.Detail);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("more than the 4194304 bytes (4 MiB) a default gRPC client receives", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("plan fewer specs at once (this plan has 1000), or leave all_candidates off", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJobs_FewSpecsWithAllCandidates_EveryPoolAnswered()
    {
        var response = await _host.Jobs(GrpcTestHost.SubmitterToken).PlanJobsAsync(
            new V1.PlanJobsRequest { Specs = { LargeSpec(0), LargeSpec(1) }, AllCandidates = true });

        Assert.All(response.Jobs, job => Assert.Equal((Clusters.Length * 8, 0), (job.Candidates.Count, job.CandidatesOmitted)));
    }
}
