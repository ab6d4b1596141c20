using PlacementEngine.Core;
using static PlacementEngine.Pricing.Tests.CatalogHeaders;

namespace PlacementEngine.Pricing.Tests;

public sealed class SkyPilotCsvParserTests
{
    [Fact]
    public void Import_AwsZones_EachCapacityTakesTheCheapestZone()
    {
        var csv = Csv(Aws,
            "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1",
            "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.4,us-east-1,use1-az2",
            "p3.2xlarge,V100,1.0,8.0,61.0,3.10,,us-east-1,use1-az3");

        var data = Imports.Accepted(Imports.Text(csv));

        Assert.Equal(2, data.Prices.Count);
        Assert.Equal(3.06m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p3.2xlarge", CapacityType.OnDemand));
        Assert.Equal(0.4m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p3.2xlarge", CapacityType.Spot));
    }

    [Fact]
    public void Import_BlankPrices_NoEntryForThatCapacityAndNoProblem()
    {
        var csv = Csv(Aws,
            "p5.48xlarge,H100,8.0,192.0,2048.0,55.04,,us-east-1,use1-az6",
            "p6-b200.48xlarge,B200,8.0,192.0,2048.0,,,us-east-1,use1-az6");

        var result = Imports.Text(csv);
        var data = Imports.Accepted(result);

        Assert.Equal(55.04m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p5.48xlarge", CapacityType.OnDemand));
        Assert.Single(data.Prices);
        Assert.Contains(result.Notes, n => n.Contains("neither an on-demand nor a spot price", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_GcpBuiltInGpuMachine_HostPlusGpuRowOfTheSameZone()
    {
        var csv = Csv(Gcp,
            "a2-highgpu-1g,12.0,85.0,,,,us-central1,us-central1-a,0.73948,0.36975",
            ",,,A100,1,{'Gpus': []},us-central1,us-central1-a,2.93391,1.4341",
            "g2-standard-24,24.0,96.0,,,,us-central1,us-central1-a,1.0,0.5",
            ",,,L4,2,,us-central1,us-central1-a,1.12008,0.4686");

        var data = Imports.Accepted(Imports.Text(csv));

        Assert.Equal(3.67339m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "a2-highgpu-1g", CapacityType.OnDemand));
        Assert.Equal(1.80385m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "a2-highgpu-1g", CapacityType.Spot));
        Assert.Equal(2.12008m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "g2-standard-24", CapacityType.OnDemand));
        Assert.Equal(4, data.Prices.Count);
    }

    [Fact]
    public void Import_GcpN1Machine_PricedAloneAndWithEveryAttachableGpuOfItsZone()
    {
        var csv = Csv(Gcp,
            "n1-standard-8,8.0,30.0,,,,us-central1,us-central1-a,0.38,0.13954",
            ",,,T4,1,,us-central1,us-central1-a,0.35,0.1654",
            ",,,V100,4,,us-central1,us-central1-a,9.92,4.96",
            ",,,T4,1,,us-central1,us-central1-b,9.0,9.0",
            ",,,L4,1,,us-central1,us-central1-a,0.56004,0.2343");

        var data = Imports.Accepted(Imports.Text(csv));

        Assert.Equal(0.38m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "n1-standard-8", CapacityType.OnDemand));
        Assert.Equal(0.73m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "n1-standard-8-t4x1", CapacityType.OnDemand));
        Assert.Equal(0.30494m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "n1-standard-8-t4x1", CapacityType.Spot));
        Assert.Equal(10.30m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "n1-standard-8-v100x4", CapacityType.OnDemand));
        Assert.DoesNotContain(data.Prices, p => p.Key.InstanceType.Contains("l4", StringComparison.Ordinal));
        Assert.Equal(6, data.Prices.Count);
    }

    [Fact]
    public void Import_GcpGpuMachineWithoutItsGpuRowAndTpuRows_LeftOutWithNotes()
    {
        var csv = Csv(Gcp,
            "n2-standard-16,16.0,64.0,,,,europe-west4,europe-west4-a,0.8,0.2",
            "a3-megagpu-8g,208.0,1872.0,,,,europe-west4,europe-west4-a,9.0,3.0",
            ",,,tpu-v5litepod-1,1,tpu-v5litepod-1,europe-west4,europe-west4-a,1.2,0.25717");

        var result = Imports.Text(csv);
        var data = Imports.Accepted(result);

        Assert.All(data.Prices, p => Assert.Equal("n2-standard-16", p.Key.InstanceType));
        Assert.Contains(result.Notes, n => n.Contains("GPU price row is missing", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("TPUs", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_AzureGenerationWithUnquotedComma_Reads()
    {
        var csv = Csv(Azure, "Standard_NC4as_T4_v3,T4,1,4,28,T4,0.526,0.204246,eastus,V1,V2");

        var data = Imports.Accepted(Imports.Text(csv));

        Assert.Equal(0.204246m, Imports.Hourly(data, Cloud.Azure, "eastus", "Standard_NC4as_T4_v3", CapacityType.Spot));
    }

    [Fact]
    public void Import_QuotedCellWithCommas_Reads()
    {
        var csv = Csv(
            "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone",
            "p4d.24xlarge,A100,8,96,1152,\"{'Gpus': [{'Name': 'A100', 'Count': 8}], \"\"x\"\": 1}\",21.957642,6.5323,us-east-1,use1-az2");

        var data = Imports.Accepted(Imports.Text(csv));

        Assert.Equal(21.957642m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.OnDemand));
    }

    [Theory]
    [InlineData(null, "aws_prices.csv", Cloud.Aws)]
    [InlineData(null, "vms-azure.csv", Cloud.Azure)]
    [InlineData(Cloud.Azure, "gcp.csv", Cloud.Azure)]
    public void Import_CloudFromOptionOrFileName_WhenTheHeaderIsNotAKnownLayout(Cloud? option, string fileName, Cloud expected)
    {
        var csv = Csv("InstanceType,Region,Price,SpotPrice", "t1,eastus,1,0.5");
        var regions = RegionDirectory.Default.With([new RegionInfo(new RegionId(expected, "eastus"), "US", new Jurisdiction("US"))]);
        var request = new PriceImportRequest { FileName = fileName, Cloud = option, Validation = new() { Regions = regions } };

        var data = Imports.Accepted(Imports.Text(csv, request));

        Assert.All(data.Prices, p => Assert.Equal(expected, p.Key.Cloud));
    }

    [Fact]
    public void Import_UnknownLayoutAndNoCloudInName_ProblemOnTheHeaderLine()
    {
        var result = Imports.Text(Csv("InstanceType,Region,Price,SpotPrice", "t1,eastus,1,0.5"), new PriceImportRequest { FileName = "prices.csv" });

        Imports.HasProblemAt(result, 1, "--cloud");
    }

    [Fact]
    public void Import_HeaderLacksAColumn_ProblemOnLine1()
    {
        var result = Imports.Text(Csv("InstanceType,Region,Prize,SpotPrice", "t1,us-east-1,1,0.5"), new PriceImportRequest { Cloud = Cloud.Aws });

        Imports.HasProblemAt(result, 1, "lacks column Price");
    }

    [Fact]
    public void Import_RowWithTooFewCells_ProblemOnItsLine()
    {
        var csv = Csv(Aws, "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1", "p3.2xlarge,V100,1.0,8.0,61.0,3.06");

        Imports.HasProblemAt(Imports.Text(csv), 3, "6 cells where the header has 9");
    }

    [Fact]
    public void Import_SameZoneTwiceWithOtherPrices_DuplicateProblem_SamePricesIgnored()
    {
        var differing = Csv(Aws,
            "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1",
            "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.8,us-east-1,use1-az1");
        var verbatim = Csv(Aws,
            "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1",
            "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1");

        Imports.HasProblemAt(Imports.Text(differing), 3, "already listed at line 2");
        Assert.True(Imports.Text(verbatim).Accepted);
    }

    [Fact]
    public void Import_RowWithABadPriceAndAnUnknownRegion_BothReported()
    {
        var result = Imports.Text(Csv(Aws, "p3.2xlarge,V100,1.0,8.0,61.0,-3,,moon-1,use1-az1"));

        Imports.HasProblemAt(result, 2, "Price is negative");
        Imports.HasProblemAt(result, 2, "unknown region aws:'moon-1'");
    }

    [Fact]
    public void Import_GcpZoneOfAnotherRegion_ProblemOnItsLine()
    {
        var csv = Csv(Gcp, "n2-standard-16,16.0,64.0,,,,us-central1,europe-west4-a,0.8,0.2");

        Imports.HasProblemAt(Imports.Text(csv), 2, "not a zone of Region");
    }

    [Fact]
    public void Import_GpuRowWithNegativePrice_ProblemOnTheGpuRowsLine()
    {
        var csv = Csv(Gcp,
            "a2-highgpu-1g,12.0,85.0,,,,us-central1,us-central1-a,0.73948,0.36975",
            ",,,A100,1,,us-central1,us-central1-a,-2.9,1.4341");

        Imports.HasProblemAt(Imports.Text(csv), 3, "Price is negative");
    }

    [Fact]
    public void Import_SkyPilotCatalog_ReplacesOnlyItsCloudsPrices()
    {
        var active = new PriceCatalogData(
            [
                new PriceEntry(new PriceKey(Cloud.Aws, "us-east-1", "p2.xlarge", CapacityType.OnDemand), Money.Of(0.9m)),
                new PriceEntry(new PriceKey(Cloud.Azure, "eastus", "Standard_D16s_v5", CapacityType.OnDemand), Money.Of(0.768m)),
            ],
            [new EgressEntry(new RegionId(Cloud.Aws, "us-east-1"), new RegionId(Cloud.Azure, "eastus"), Money.Of(0.09m))],
            []);
        var csv = Csv(Aws, "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1");

        var result = Imports.Text(csv, Imports.AllowingRemovals, active);
        var data = Imports.Accepted(result);

        Assert.Equal("all aws prices; only the egress rates it names; only the spot bands it names", result.Replaces);
        Assert.Null(Imports.Hourly(data, Cloud.Aws, "us-east-1", "p2.xlarge", CapacityType.OnDemand));
        Assert.Equal(0.768m, Imports.Hourly(data, Cloud.Azure, "eastus", "Standard_D16s_v5", CapacityType.OnDemand));
        Assert.Equal(3.06m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p3.2xlarge", CapacityType.OnDemand));
        Assert.Single(data.Egress);
    }
}
