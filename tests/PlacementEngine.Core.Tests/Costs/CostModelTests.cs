using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Costs;

public sealed class CostModelTests
{
    private static (Cluster Cluster, Pool Pool, PriceBook Prices) OnePool(CapacityType capacity, decimal hourly, int gpusPerNode = 8)
    {
        var fleets = Fleets.Make().Cluster("gke-euw4", "gcp:europe-west4").Pool("a2-highgpu-8g", "A100", gpusPerNode, capacity, hourly, 10);
        var fleet = fleets.Fleet();
        return (fleet.Clusters[0], fleet.Pools[0], fleets.Prices());
    }

    [Fact]
    public void Estimate_OnDemand_IsNodesTimesPriceTimesHours()
    {
        var (cluster, pool, prices) = OnePool(CapacityType.OnDemand, 29.3876m);
        var spec = JobSpecs.Gpu("t", 8, "A100").Workers(2).Hours(6).Obj();

        var cost = CostModel.Estimate(spec, cluster, pool, 2, Money.Of(29.3876m), prices);

        Assert.Equal(Money.Of(2 * 29.3876m * 6), cost.Compute);
        Assert.Equal(Money.Zero, cost.Egress);
        Assert.Equal(Money.Zero, cost.SpotRisk);
        Assert.Equal(cost.Compute, cost.Total);
    }

    [Fact]
    public void Estimate_DataInAnotherRegion_ChargesEgressPerGb_SameRegionIsFree()
    {
        var (cluster, pool, _) = OnePool(CapacityType.OnDemand, 10m);
        var from = new RegionId(Cloud.Aws, "us-east-1");
        var prices = new PriceBook(1, new Dictionary<PriceKey, Money>(), new Dictionary<(RegionId, RegionId), Money> { [(from, cluster.Region)] = Money.Of(0.12m) });
        var remote = JobSpecs.Gpu("t", 8).Data("aws:us-east-1", 500m).Obj();
        var local = JobSpecs.Gpu("t", 8).Data("gcp:europe-west4", 500m).Obj();

        Assert.Equal(Money.Of(60m), CostModel.Estimate(remote, cluster, pool, 1, Money.Of(10m), prices).Egress);
        Assert.Equal(Money.Zero, CostModel.Estimate(local, cluster, pool, 1, Money.Of(10m), prices).Egress);
    }

    [Fact]
    public void Estimate_Spot_RiskGrowsWithoutCheckpoints()
    {
        var (cluster, pool, prices) = OnePool(CapacityType.Spot, 8m);
        var checkpointed = JobSpecs.Gpu("t", 8).Hours(24).Checkpoint(TimeSpan.FromMinutes(30)).Obj();
        var bare = JobSpecs.Gpu("t", 8).Hours(24).Obj();

        var withCheckpoints = CostModel.Estimate(checkpointed, cluster, pool, 1, Money.Of(8m), prices).SpotRisk;
        var without = CostModel.Estimate(bare, cluster, pool, 1, Money.Of(8m), prices).SpotRisk;

        Assert.True(withCheckpoints > Money.Zero);
        Assert.True(without > withCheckpoints * 10m, $"{without} vs {withCheckpoints}");
    }

    [Fact]
    public void Estimate_Spot_UsesTheDocumentedRiskFormula()
    {
        var (cluster, pool, prices) = OnePool(CapacityType.Spot, 10m);
        var spec = JobSpecs.Gpu("t", 8).Hours(10).Checkpoint(TimeSpan.FromHours(1)).Obj();

        var cost = CostModel.Estimate(spec, cluster, pool, 1, Money.Of(10m), prices);

        // Default band (no data for GCP): 12.5% a month over 730 h; lost 0.5 h per reclaim plus 5 min restart.
        var interruptions = 0.125m / 730m * 10m;
        var expected = Money.Of(10m * interruptions * (0.5m + 5m / 60m)).Rounded();
        Assert.Equal(expected, cost.SpotRisk);
    }

    [Theory]
    [InlineData(1, 8, 3, 3)]
    [InlineData(8, 8, 2, 2)]
    [InlineData(0, 0, 4, 4)]
    public void NodesFor_EachWorkerTakesWholeNodes(int gpusPerWorker, int gpusPerNode, int workers, int expected)
    {
        var spec = (gpusPerWorker == 0 ? JobSpecs.Cpu("c", 2m) : JobSpecs.Gpu("g", gpusPerWorker)).Workers(workers).Obj();
        var type = new InstanceType("x", gpusPerNode > 0 ? "A100" : null, gpusPerNode, 96m, 1024m);

        Assert.Equal(expected, CostModel.NodesFor(spec, type));
    }

    [Fact]
    public void NodesFor_WorkerLargerThanNode_IsNull() =>
        Assert.Null(CostModel.NodesFor(JobSpecs.Gpu("g", 8).Obj(), new InstanceType("x", "T4", 4, 48m, 192m)));
}
