using Grpc.Core;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Support.PlacementApiHarness;

namespace PlacementEngine.Grpc.Tests.Services;

public sealed class FleetServiceTests : IDisposable
{
    private readonly PlacementApiHarness _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task ListClusters_AnyTeam_ShowsRegionJurisdictionAndExecutor()
    {
        var response = await _api.FleetService.ListClusters(new V1.ListClustersRequest(), ContextFor(MlResearch));

        var eu = Assert.Single(response.Clusters, c => c.Name == "gcp-eu");
        Assert.Equal(("gcp", "europe-west4", "EU", "kubernetes", true), (eu.Cloud, eu.Region, eu.Jurisdiction, eu.Executor, eu.Healthy));
        Assert.Equal("prod", eu.Labels["env"]);
        Assert.Equal(16, eu.GpuCaps["A100"]);
        Assert.Equal("simulated", Assert.Single(response.Clusters, c => c.Name == "aws-us").Executor);
    }

    [Fact]
    public async Task ListPools_OneCluster_ShowsPricesAsDecimalStringsAndUsedNodes()
    {
        var job = await _api.SubmitAsync(MlResearch);
        await _api.AdvanceAsync(job.Id, "gcp-eu/a2-highgpu-1g/spot");

        var response = await _api.FleetService.ListPools(new V1.ListPoolsRequest { Cluster = "gcp-eu" }, ContextFor(MlResearch));

        Assert.Equal(2, response.Pools.Count);
        var spot = Assert.Single(response.Pools, p => p.CapacityType == V1.CapacityType.Spot);
        Assert.Equal(("a2-highgpu-1g", "A100", 1, "1.25", 1, 10), (spot.InstanceType, spot.GpuModel, spot.GpusPerNode, spot.HourlyPrice, spot.UsedNodes, spot.MaxNodes));
        Assert.Equal("29.39", Assert.Single(response.Pools, p => p.CapacityType == V1.CapacityType.OnDemand).HourlyPrice);
    }

    [Fact]
    public async Task ListPools_NoCluster_ListsEveryPool()
    {
        var response = await _api.FleetService.ListPools(new V1.ListPoolsRequest(), ContextFor(MlResearch));

        Assert.Equal(3, response.Pools.Count);
    }

    [Fact]
    public async Task ListPools_UnknownCluster_NotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.FleetService.ListPools(new V1.ListPoolsRequest { Cluster = "mars-1" }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains("'mars-1'", ex.Status.Detail, StringComparison.Ordinal);
    }
}
