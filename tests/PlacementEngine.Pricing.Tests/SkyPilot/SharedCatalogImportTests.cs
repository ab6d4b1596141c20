using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

/// <summary>The real shared catalogs import, with prices checked by hand against their rows.</summary>
public sealed class SharedCatalogImportTests
{
    [Fact]
    public void Import_FullAwsSubset_EveryTypeAndZoneCollapsedToRegions()
    {
        var result = Imports.File(RepositoryPaths.AwsCatalog, SharedCatalogs.Request());
        var data = Imports.Accepted(result);

        Assert.Equal(PriceImportFormat.SkyPilotCsv, result.Format);
        Assert.Equal(238, result.Counts.RowsRead);
        Assert.Equal("import skypilot-csv aws skypilot_catalog_v9_aws_vms_gpu_subset.csv", result.Source);
        Assert.All(data.Prices, p => Assert.Equal(Cloud.Aws, p.Key.Cloud));
        // p4d.24xlarge us-east-1: 21.957642 in every zone; spot is lowest in use1-az2.
        Assert.Equal(21.957642m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.OnDemand));
        Assert.Equal(6.5323m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.Spot));
        Assert.Equal(result.Counts.Prices, data.Prices.Count);
        Assert.Equal(data.Prices.Count, data.Prices.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void Import_GcpSampleOfUsCentral1A_GpuNodesCombined()
    {
        var sample = SharedCatalogs.Sample(RepositoryPaths.GcpCatalog, line => line.Contains(",us-central1-a,", StringComparison.Ordinal));

        var data = Imports.Accepted(Imports.Text(sample, SharedCatalogs.Request()));

        // a2-highgpu-1g host 0.73948 + 1 x A100 2.93391 = GCP's list price 3.67339.
        Assert.Equal(3.67339m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "a2-highgpu-1g", CapacityType.OnDemand));
        // a2-highgpu-8g: 5.91582 + 8 x A100 23.47126; spot 2.958 + 11.4728.
        Assert.Equal(29.38708m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "a2-highgpu-8g", CapacityType.OnDemand));
        Assert.Equal(14.4308m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "a2-highgpu-8g", CapacityType.Spot));
        // The example ConfigMap's name: n1-standard-16 0.76 + 4 x V100 9.92.
        Assert.Equal(10.68m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "n1-standard-16-v100x4", CapacityType.OnDemand));
        Assert.Equal(0.38m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "n1-standard-8", CapacityType.OnDemand));
    }

    [Fact]
    public void Import_AzureSampleOfEastUsAndWestEurope_PerRegionPrices()
    {
        var sample = SharedCatalogs.Sample(RepositoryPaths.AzureCatalog,
            line => line.Contains(",eastus,", StringComparison.Ordinal) || line.Contains(",westeurope,", StringComparison.Ordinal));

        var data = Imports.Accepted(Imports.Text(sample, SharedCatalogs.Request()));

        Assert.Equal(0.526m, Imports.Hourly(data, Cloud.Azure, "eastus", "Standard_NC4as_T4_v3", CapacityType.OnDemand));
        Assert.Equal(0.204246m, Imports.Hourly(data, Cloud.Azure, "eastus", "Standard_NC4as_T4_v3", CapacityType.Spot));
        Assert.Equal(0.658m, Imports.Hourly(data, Cloud.Azure, "westeurope", "Standard_NC4as_T4_v3", CapacityType.OnDemand));
        Assert.Equal(["eastus", "westeurope"], data.Prices.Select(p => p.Key.Region).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>All ~88,000 rows of GCP and Azure, imported one after the other into an empty store, as an admin would.</summary>
    [Fact]
    public void Import_FullGcpThenFullAzure_BothCloudsInTheResultWithKnownPrices()
    {
        var gcp = Imports.File(RepositoryPaths.GcpCatalog, SharedCatalogs.Request());
        var afterGcp = Imports.Accepted(gcp);
        var azure = Imports.File(RepositoryPaths.AzureCatalog, SharedCatalogs.Request(), active: afterGcp);
        var both = Imports.Accepted(azure);

        Assert.Equal(31_286, gcp.Counts.RowsRead);
        Assert.Equal(56_672, azure.Counts.RowsRead);
        Assert.Equal(13_503, CountRows(afterGcp));
        Assert.Equal(56_671, CountRows(both) - CountRows(afterGcp));
        Assert.Equal(gcp.Counts.Prices + azure.Counts.Prices, both.Prices.Count);
        Assert.Equal(both.Prices.Count, both.Prices.Select(p => p.Key).Distinct().Count());
        Assert.Equal(3.67339m, Imports.Hourly(both, Cloud.Gcp, "us-central1", "a2-highgpu-1g", CapacityType.OnDemand));
        Assert.Equal(0.73m, Imports.Hourly(both, Cloud.Gcp, "us-central1", "n1-standard-8-t4x1", CapacityType.OnDemand));
        Assert.Equal(0.526m, Imports.Hourly(both, Cloud.Azure, "eastus", "Standard_NC4as_T4_v3", CapacityType.OnDemand));
        Assert.Equal(0.472247m, Imports.Hourly(both, Cloud.Azure, "westeurope", "Standard_NC4as_T4_v3", CapacityType.Spot));
    }

    private static int CountRows(PriceCatalogData data) => data.Prices.Select(p => (p.Key.Cloud, p.Key.Region, p.Key.InstanceType)).Distinct().Count();
}
