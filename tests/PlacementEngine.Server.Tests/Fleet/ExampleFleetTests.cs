using PlacementEngine.Core;
using PlacementEngine.Server.FleetFiles;

namespace PlacementEngine.Server.Tests.FleetFiles;

/// <summary>deploy/examples/fleet.yaml loads, covers the walkthrough, and every price in it is the shared catalogs' price.</summary>
public sealed class ExampleFleetTests
{
    private const string AwsZoneIdLabel = "topology.k8s.aws/zone-id";

    private static readonly Lazy<LoadedFleet> Example = new(() => FleetFileLoader.Load(RepositoryPaths.ExampleFleet));

    private static LoadedFleet Loaded => Example.Value;

    public static TheoryData<string> PoolNames => new(Loaded.Fleet.Pools.Select(p => p.Name));

    [Fact]
    public void Load_ExampleFleet_HasAtLeastSixClustersOnEveryCloudInUsAndEu()
    {
        var clusters = Loaded.Fleet.Clusters;

        Assert.True(clusters.Count >= 6, $"{clusters.Count} clusters");
        foreach (var cloud in new[] { Cloud.Aws, Cloud.Gcp, Cloud.Azure })
        {
            var jurisdictions = clusters.Where(c => c.Cloud == cloud).Select(c => c.Jurisdiction).ToHashSet();
            Assert.Contains(new Jurisdiction("US"), jurisdictions);
            Assert.Contains(Jurisdiction.Eu, jurisdictions);
        }
    }

    [Fact]
    public void Load_ExampleFleet_EveryClusterHasGpuAndCpuPoolsInSpotAndOnDemand()
    {
        foreach (var cluster in Loaded.Fleet.Clusters)
        {
            var pools = Loaded.Fleet.Pools.Where(p => p.Cluster == cluster.Name).ToList();
            foreach (var capacity in new[] { CapacityType.Spot, CapacityType.OnDemand })
            {
                Assert.True(pools.Any(p => p.CapacityType == capacity && p.InstanceType.GpusPerNode > 0), $"{cluster.Name}: no {capacity.ToWire()} GPU pool");
                Assert.True(pools.Any(p => p.CapacityType == capacity && p.InstanceType.GpusPerNode == 0), $"{cluster.Name}: no {capacity.ToWire()} CPU pool");
            }
            Assert.All(pools, p => Assert.InRange(p.MaxNodes, 1, 20));
        }
    }

    [Theory]
    [MemberData(nameof(PoolNames))]
    public void Load_ExamplePool_PriceAndShapeEqualTheSharedCatalogs(string poolName)
    {
        Assert.True(Loaded.Fleet.TryGetPool(poolName, out var pool));
        var cluster = Loaded.Fleet.ClusterOf(pool);
        Assert.True(Loaded.Prices.TryGetHourly(PriceKey.For(cluster, pool), out var price));

        var (expectedPrice, host, gpuModel, gpuCount) = FromCatalogs(cluster, pool);

        Assert.Equal(expectedPrice, price.Dollars);
        Assert.Equal(host.VCpus, pool.InstanceType.VCpus);
        Assert.Equal(host.MemoryGiB, pool.InstanceType.MemoryGiB);
        Assert.Equal(gpuModel, pool.InstanceType.GpuModel);
        Assert.Equal(gpuCount, pool.InstanceType.GpusPerNode);
    }

    [Fact]
    public void Load_ExampleFleet_PriceBookIsTheFallbackVersionZeroWithOneEntryPerPoolKey()
    {
        var keys = Loaded.Fleet.Pools.Select(p => PriceKey.For(Loaded.Fleet.ClusterOf(p), p)).ToHashSet();

        Assert.Equal(0, Loaded.Prices.Version);
        Assert.Equal(keys.Count, Loaded.Prices.Count);
    }

    // The README walkthrough's EU-resident job: 1 worker with 8 x A100, 90 vCPU and 600 GiB.
    [Theory]
    [InlineData("aws:eu-central-1")]
    [InlineData("gcp:europe-west4")]
    [InlineData("azure:westeurope")]
    public void Load_ExampleFleet_HasEuPoolsForTheEightA100Job(string region)
    {
        var fits = Loaded.Fleet.Pools.Where(p =>
            Loaded.Fleet.ClusterOf(p).Region.ToString() == region
            && p.InstanceType is { GpuModel: "A100", GpusPerNode: >= 8, VCpus: >= 90m, MemoryGiB: >= 600m });

        Assert.Equal(
            [CapacityType.Spot, CapacityType.OnDemand],
            fits.Select(p => p.CapacityType).Distinct().Order());
        Assert.All(fits, p => Assert.Equal(Jurisdiction.Eu, Loaded.Fleet.ClusterOf(p).Jurisdiction));
    }

    // The README walkthrough's small job: spot, 1 x T4, 4 vCPU and 16 GiB.
    [Fact]
    public void Load_ExampleFleet_HasSpotT4PoolsForTheSmallJobInUsAndEu()
    {
        var clusters = Loaded.Fleet.Pools
            .Where(p => p.CapacityType == CapacityType.Spot
                && p.InstanceType is { GpuModel: "T4", GpusPerNode: >= 1, VCpus: >= 4m, MemoryGiB: >= 16m })
            .Select(p => Loaded.Fleet.ClusterOf(p))
            .ToList();

        Assert.True(clusters.Select(c => c.Region).Distinct().Count() >= 3, "T4 spot pools in fewer than 3 regions");
        Assert.Contains(clusters, c => c.Jurisdiction == Jurisdiction.Eu);
        Assert.Contains(clusters, c => c.Jurisdiction == new Jurisdiction("US"));
    }

    [Fact]
    public void Load_ExampleFleet_BudgetsTheThreeWalkthroughTeams()
    {
        Assert.Equal(["ml-research", "platform", "vision"], Loaded.Budgets.Keys.Order());
        Assert.All(Loaded.Budgets.Values, budget => Assert.True(budget > Money.Zero));
    }

    [Fact]
    public void Load_ExampleFleet_RunsEveryClusterOnTheSimulator()
    {
        Assert.Equal(Loaded.Fleet.Clusters.Select(c => c.Name).Order(), Loaded.Executors.Keys.Order());
        Assert.All(Loaded.Executors.Values, executor => Assert.True(executor.IsSimulated));
    }

    /// <summary>The price recomputed from the catalogs, the row giving vCPU and memory, and the GPUs the rows say.</summary>
    private static (decimal Price, CatalogRow Host, string? GpuModel, int GpuCount) FromCatalogs(Cluster cluster, Pool pool)
    {
        var type = pool.InstanceType.Name;
        var region = cluster.Region.Name;
        var spot = pool.CapacityType == CapacityType.Spot;
        switch (cluster.Cloud)
        {
            case Cloud.Aws:
            {
                // The AWS catalog is per availability zone ID; the pool selects its zone ID by node label.
                Assert.True(pool.NodeLabels.TryGetValue(AwsZoneIdLabel, out var zoneId), $"{pool.Name} has no {AwsZoneIdLabel} label");
                var row = SharedCatalogs.Single(SharedCatalogs.Aws, r => r.InstanceType == type && r.Region == region && r.Zone == zoneId, $"{type} {zoneId}");
                return (PriceOf(row, spot), row, GpuModels.Normalize(row.GpuModel), row.GpuCount);
            }
            case Cloud.Gcp:
            {
                // GCP prices GPUs as rows of their own: the node costs the host VM plus its GPUs, in the pool's zone.
                var host = SharedCatalogs.Single(SharedCatalogs.Gcp, r => r.InstanceType == type && r.Region == region && r.Zone == pool.Zone, $"{type} {pool.Zone}");
                if (pool.InstanceType.GpuModel is not { } model)
                {
                    return (PriceOf(host, spot), host, null, 0);
                }
                var count = pool.InstanceType.GpusPerNode;
                var gpu = SharedCatalogs.Single(
                    SharedCatalogs.Gcp,
                    r => r.InstanceType.Length == 0 && r.GpuModel == model && r.GpuCount == count && r.Region == region && r.Zone == pool.Zone,
                    $"{count} x {model} {pool.Zone}");
                return (PriceOf(host, spot) + PriceOf(gpu, spot), host, GpuModels.Normalize(gpu.GpuModel), gpu.GpuCount);
            }
            case Cloud.Azure:
            {
                var row = SharedCatalogs.Single(SharedCatalogs.Azure, r => r.InstanceType == type && r.Region == region, $"{type} {region}");
                return (PriceOf(row, spot), row, GpuModels.Normalize(row.GpuModel), row.GpuCount);
            }
            default:
                throw new InvalidOperationException($"the example fleet has no catalog for {cluster.Cloud}");
        }
    }

    private static decimal PriceOf(CatalogRow row, bool spot)
    {
        var price = spot ? row.Spot : row.OnDemand;
        Assert.True(price.HasValue, $"catalog row for {row.InstanceType} {row.Zone ?? row.Region} has no {(spot ? "spot" : "on-demand")} price");
        return price.Value;
    }
}
