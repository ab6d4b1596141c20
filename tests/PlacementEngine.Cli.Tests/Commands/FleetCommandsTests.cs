using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

public sealed class FleetCommandsTests
{
    private readonly Placectl _placectl = new();

    [Fact]
    public async Task ClustersList_SimulatedCluster_ShowsExecutorAndSortedLabels()
    {
        _placectl.Api.OnListClusters = _ => new ListClustersResponse
        {
            Clusters =
            {
                new Cluster
                {
                    Name = "gke-ew4", Cloud = "gcp", Region = "europe-west4", Jurisdiction = "EU", Healthy = true, Executor = "simulated",
                    Labels = { ["purpose"] = "training", ["environment"] = "prod" },
                },
            },
        };

        var result = await _placectl.RunAsync("clusters", "list");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var row = result.Stdout.Split('\n')[1];
        Assert.Equal(["gke-ew4", "gcp", "europe-west4", "EU", "yes", "simulated", "environment=prod,purpose=training", "-"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task PoolsList_ClusterFilter_IsSentAndPoolsShowUsage()
    {
        _placectl.Api.OnListPools = _ => new ListPoolsResponse
        {
            Pools =
            {
                new Pool
                {
                    Name = "a100-spot", Cluster = "gke-ew4", InstanceType = "a2-highgpu-8g", CapacityType = CapacityType.Spot,
                    GpuModel = "A100", GpusPerNode = 8, Vcpus = 96, MemoryGib = 680, MaxNodes = 4, UsedNodes = 1, HourlyPrice = "3.79256",
                },
            },
        };

        var result = await _placectl.RunAsync("pools", "list", "--cluster", "gke-ew4");

        Assert.Equal("gke-ew4", Assert.IsType<ListPoolsRequest>(Assert.Single(_placectl.Api.Requests)).Cluster);
        Assert.Contains("a100-spot   a2-highgpu-8g   spot       8 x A100   96     680          1/4", result.Stdout, StringComparison.Ordinal);
    }
}
