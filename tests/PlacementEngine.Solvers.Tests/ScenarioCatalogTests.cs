using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The shared catalogs as the scenarios read them, checked on rows looked up by hand in the files.</summary>
public sealed class ScenarioCatalogTests
{
    private static readonly string Prices = Path.Combine(SharedDataDirectory.Locate(), "prices");
    private static readonly IReadOnlyList<CatalogOffer> Gcp = GcpCatalog.Read(Prices);
    private static readonly IReadOnlyList<CatalogOffer> Aws = AwsCatalog.Read(Prices);
    private static readonly IReadOnlyList<CatalogOffer> Azure = AzureCatalog.Read(Prices);

    [Theory]
    // a2-highgpu-1g 0.73948 / 0.36975 + A100 x1 2.93391 / 1.4341: GCP's list price 3.67339
    [InlineData("a2-highgpu-1g", "us-central1-a", "A100", 1, "3.67339", "1.80385")]
    // a3-highgpu-8g 9.46006 / 3.86318 + H100 x8 33.60609 / 32.0104
    [InlineData("a3-highgpu-8g", "us-central1-a", "H100", 8, "43.06615", "35.87358")]
    // g2-standard-4 0.14679 / 0.06168 + L4 x1 0.56004 / 0.2343
    [InlineData("g2-standard-4", "us-central1-a", "L4", 1, "0.70683", "0.29598")]
    // n1-standard-8 0.38 / 0.13954 + T4 x1 0.35 / 0.1654
    [InlineData("n1-standard-8+1xT4", "us-central1-a", "T4", 1, "0.73", "0.30494")]
    // n1-standard-64 + V100 x8 19.84 / 9.92
    [InlineData("n1-standard-64+8xV100", "us-central1-a", "V100", 8, null, null)]
    public void Gcp_GpuNode_IsTheHostRowPlusTheGpuRowOfItsZone(string type, string zone, string model, int gpus, string? onDemand, string? spot)
    {
        var offer = Assert.Single(Gcp, o => o.Type.Name == type && o.Zone == zone);

        Assert.Equal(new RegionId(Cloud.Gcp, "us-central1"), offer.Region);
        Assert.Equal(model, offer.Type.GpuModel);
        Assert.Equal(gpus, offer.Type.GpusPerNode);
        if (onDemand is not null)
        {
            Assert.Equal(Money.Of(decimal.Parse(onDemand, System.Globalization.CultureInfo.InvariantCulture)), offer.OnDemand);
            Assert.Equal(Money.Of(decimal.Parse(spot!, System.Globalization.CultureInfo.InvariantCulture)), offer.Spot);
        }
    }

    [Fact]
    public void Gcp_N1Host_TakesTheGpuCountOfItsGpuRow()
    {
        var offer = Assert.Single(Gcp, o => o.Type.Name == "n1-standard-64+8xV100" && o.Zone == "us-central1-a");

        // n1-standard-64: 64 vCPUs, 240 GiB; 8 x V100 19.84 $/h on-demand, 9.92 spot; the host row is checked in the file.
        Assert.Equal(64m, offer.Type.VCpus);
        Assert.True(offer.OnDemand!.Value.Dollars > 19.84m);
        Assert.True(offer.Spot!.Value.Dollars > 9.92m);
    }

    [Fact]
    public void Gcp_HostWithoutAPublishedPrice_IsLeftOut()
    {
        // a4-highgpu-8g's host rows carry 0.0: there is no list price to add the B200s to.
        Assert.DoesNotContain(Gcp, o => o.Type.Name == "a4-highgpu-8g");
        Assert.DoesNotContain(Gcp, o => o.Type.GpuModel is null || o.Type.GpusPerNode < 1);
    }

    [Fact]
    public void Aws_ZoneRows_KeepTheirPricesAndBlankPricesAreLeftOut()
    {
        var p3 = Assert.Single(Aws, o => o.Type.Name == "p3.2xlarge" && o.Zone == "apne1-az4");
        Assert.Equal(Money.Of(4.194m), p3.OnDemand);
        Assert.Equal(Money.Of(1.2547m), p3.Spot);
        Assert.Equal(new InstanceType("p3.2xlarge", "V100", 1, 8m, 61m), p3.Type);

        var p5 = Assert.Single(Aws, o => o.Type.Name == "p5.48xlarge" && o.Zone == "eun1-az1");
        Assert.Equal(Money.Of(58.8928m), p5.OnDemand);
        Assert.Null(p5.Spot);

        Assert.DoesNotContain(Aws, o => o.Type.Name == "m8i.xlarge");
    }

    [Fact]
    public void Azure_GpuSizes_HaveTheirRegionPricesAndFractionalGpusAreLeftOut()
    {
        var a100 = Assert.Single(Azure, o => o.Type.Name == "Standard_NC24ads_A100_v4" && o.Region == new RegionId(Cloud.Azure, "eastus"));
        Assert.Equal(Money.Of(3.673m), a100.OnDemand);
        Assert.Equal(Money.Of(0.746721m), a100.Spot);
        Assert.Equal(new InstanceType("Standard_NC24ads_A100_v4", "A100-80GB", 1, 24m, 220m), a100.Type);
        Assert.Null(a100.Zone);

        var noSpot = Assert.Single(Azure, o => o.Type.Name == "Standard_NC6s_v3" && o.Region == new RegionId(Cloud.Azure, "jioindiawest"));
        Assert.Null(noSpot.Spot);
        Assert.DoesNotContain(Azure, o => o.Type.Name == "Standard_NV12ads_A10_v5");
    }

    [Fact]
    public void EgressMatrix_MapsGcpZonesToRegionsAndMakesSameRegionFree()
    {
        var egress = EgressMatrix.Read(Prices);

        Assert.Equal(Money.Of(0.09m), egress[(new RegionId(Cloud.Aws, "us-east-2"), new RegionId(Cloud.Azure, "eastus"))]);
        Assert.Equal(Money.Of(0.12m), egress[(new RegionId(Cloud.Gcp, "us-central1"), new RegionId(Cloud.Aws, "us-east-1"))]);
        Assert.Equal(Money.Of(0.09m), egress[(new RegionId(Cloud.Aws, "us-east-1"), new RegionId(Cloud.Gcp, "us-central1"))]);
        Assert.Equal(Money.Zero, egress[(new RegionId(Cloud.Gcp, "europe-west4"), new RegionId(Cloud.Gcp, "europe-west4"))]);
    }

    [Fact]
    public void SpotAdvisor_ReadsTheLinuxBandPerRegionAndType()
    {
        var bands = SpotAdvisor.Read(Path.Combine(SharedDataDirectory.Locate(), "spot"));

        Assert.Equal(4, bands[(Cloud.Aws, "us-east-1", "p3.2xlarge")]);
        Assert.Equal(2, bands[(Cloud.Aws, "us-east-1", "p4d.24xlarge")]);
        // The Windows row of this type is band 3.
        Assert.Equal(4, bands[(Cloud.Aws, "eu-west-3", "m5d.xlarge")]);
    }

    [Fact]
    public void PhillyTrace_HasEveryRecordedJobInSubmitOrder()
    {
        var trace = PhillyTrace.Read(Path.Combine(SharedDataDirectory.Locate(), "traces"));

        Assert.Equal(82_247, trace.Count);
        Assert.True(trace.Zip(trace.Skip(1)).All(p => p.First.Submitted <= p.Second.Submitted));
        var first = trace.Single(t => t.Row == 0);
        Assert.Equal(new TraceJob(0, new DateTime(2017, 10, 9, 7, 1, 55), 66, 1, "11cb48"), first);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(8, 1, 8)]
    [InlineData(12, 2, 6)]
    [InlineData(16, 2, 8)]
    [InlineData(24, 3, 8)]
    [InlineData(32, 4, 8)]
    [InlineData(128, 16, 8)]
    public void GangShape_SplitsLargeJobsIntoWorkersThatFitANode(int gpus, int workers, int perWorker)
    {
        Assert.Equal((workers, perWorker), GangShape.For(gpus));
    }
}
