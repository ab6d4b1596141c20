using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

public sealed class ConfigMapImportTests
{
    private static readonly RegionId AwsUsWest2 = new(Cloud.Aws, "us-west-2");

    [Fact]
    public void Import_ExampleConfigMapOnTheShippedCatalog_ItsPricesAreUsedAndTheRestKept()
    {
        var result = Imports.File(RepositoryPaths.ExampleConfigMap, SharedCatalogs.Request(), SharedCatalogs.Shipped);
        var data = Imports.Accepted(result);
        var book = new PriceBook(2, data.Prices.ToDictionary(p => p.Key, p => p.Hourly), data.Egress.ToDictionary(e => (e.From, e.To), e => e.PerGb));

        Assert.Equal(PriceImportFormat.ConfigMap, result.Format);
        Assert.True(book.TryGetHourly(new PriceKey(Cloud.Aws, "us-west-2", "p3.8xlarge", CapacityType.OnDemand), out var p3));
        Assert.Equal(12.24m, p3.Dollars);
        Assert.True(book.TryGetHourly(new PriceKey(Cloud.Gcp, "us-central1", "n1-standard-16-v100x4", CapacityType.OnDemand), out var v100));
        Assert.Equal(10.52m, v100.Dollars);
        Assert.True(book.TryGetHourly(new PriceKey(Cloud.Azure, "eastus", "Standard_NC24", CapacityType.OnDemand), out var nc24));
        Assert.Equal(11.16m, nc24.Dollars);
        Assert.Equal(0.01m, book.EgressPerGb(AwsUsWest2, new RegionId(Cloud.Aws, "eu-central-1")).Dollars);
        Assert.Equal(0.01m, book.EgressPerGb(new RegionId(Cloud.Azure, "eastus"), new RegionId(Cloud.Azure, "westeurope")).Dollars);
        // Untouched: other regions' prices, spot prices, and cross-cloud egress.
        Assert.Equal(16.776m, Imports.Hourly(data, Cloud.Aws, "ap-northeast-1", "p3.8xlarge", CapacityType.OnDemand));
        Assert.Equal(2.1695m, Imports.Hourly(data, Cloud.Aws, "us-west-2", "p3.8xlarge", CapacityType.Spot));
        Assert.Equal(SharedCatalogs.Shipped.Prices.Count + 1, data.Prices.Count);
        Assert.Equal(0.09m, book.EgressPerGb(AwsUsWest2, new RegionId(Cloud.Azure, "eastus")).Dollars);
    }

    [Fact]
    public void Import_BarePricingYaml_Reads()
    {
        var data = Imports.Accepted(Imports.Text("aws:\n  p3.8xlarge: 12.0\n  us-west-2: 0.02\n"));

        Assert.Equal(12.0m, Imports.Hourly(data, Cloud.Aws, "us-west-2", "p3.8xlarge", CapacityType.OnDemand));
        Assert.All(data.Egress, e => Assert.Equal((AwsUsWest2, 0.02m), (e.From, e.PerGb.Dollars)));
        Assert.DoesNotContain(data.Egress, e => e.To.Cloud != Cloud.Aws || e.To == AwsUsWest2);
    }

    [Fact]
    public void Import_RegionOption_InstancePricesOfItsCloudApplyThereOnly()
    {
        var request = new PriceImportRequest { Format = PriceImportFormat.ConfigMap, Region = new RegionId(Cloud.Aws, "eu-central-1") };

        var data = Imports.Accepted(Imports.Text("aws:\n  p3.8xlarge: 15.0\n  us-west-2: 0.02\n", request));

        Assert.Equal(["eu-central-1"], data.Prices.Select(p => p.Key.Region));
    }

    [Fact]
    public void Import_NoRegionListed_AppliesWhereTheActiveBookPricesItOnDemand()
    {
        var active = new PriceCatalogData(
            [
                new PriceEntry(new PriceKey(Cloud.Aws, "us-east-1", "p3.8xlarge", CapacityType.OnDemand), Money.Of(12.24m)),
                new PriceEntry(new PriceKey(Cloud.Aws, "us-east-2", "p3.8xlarge", CapacityType.Spot), Money.Of(3m)),
            ],
            [],
            []);

        var data = Imports.Accepted(Imports.Text("aws:\n  p3.8xlarge: 12.0\n", active: active));

        Assert.Equal(12.0m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p3.8xlarge", CapacityType.OnDemand));
        Assert.Null(Imports.Hourly(data, Cloud.Aws, "us-east-2", "p3.8xlarge", CapacityType.OnDemand));
    }

    [Fact]
    public void Import_InstanceTypeWithNowhereToApply_ProblemOnItsLine()
    {
        var result = Imports.Text("gcp:\n  us-central1: 0.01\nazure:\n  Standard_NC24: 11.16\n");

        Imports.HasProblemAt(result, 4, "cannot tell where 'Standard_NC24'");
    }

    [Fact]
    public void Import_ProblemInsideTheEmbeddedTable_NamesTheLineOfTheWholeFile()
    {
        var text = File.ReadAllText(RepositoryPaths.ExampleConfigMap).Replace("p3.8xlarge: 12.24", "p3.8xlarge: -12.24", StringComparison.Ordinal);

        var result = Imports.Text(text, SharedCatalogs.Request(), SharedCatalogs.Shipped);

        Imports.HasProblemAt(result, 11, "negative price");
    }

    [Fact]
    public void Import_PriceTwentyTimesTheActive_ProblemUnlessLargeChangesAllowed()
    {
        var text = File.ReadAllText(RepositoryPaths.ExampleConfigMap).Replace("12.24", "300", StringComparison.Ordinal);
        var allow = SharedCatalogs.Request() with { Validation = new ImportValidationOptions { Regions = SharedCatalogs.Regions, AllowLargeChanges = true } };

        Imports.HasProblemAt(Imports.Text(text, SharedCatalogs.Request(), SharedCatalogs.Shipped), 11, "more than 20 times");
        Assert.True(Imports.Text(text, allow, SharedCatalogs.Shipped).Accepted);
    }

    [Theory]
    [InlineData("aws:\n  p3.8xlarge: 12\n  p3.8xlarge: 13\n", 3, "duplicate key")]
    [InlineData("aws:\n  us-west-2: 0.01\nmars:\n  x1: 1\n", 3, "not a cloud")]
    [InlineData("aws:\n  us-west-2: cheap\n", 2, "not a number")]
    [InlineData("aws:\n  us-west-2: [1, 2]\n", 2, "must map to a number")]
    [InlineData("aws: 12\n", 1, "must map instance types and regions")]
    [InlineData("kind: Secret\ndata:\n  pricing.yaml: |\n    aws: {}\n", 1, "expected ConfigMap")]
    [InlineData("kind: ConfigMap\ndata:\n  other.yaml: x\n", 1, "data.\"pricing.yaml\"")]
    [InlineData("kind: ConfigMap\ndata:\n  pricing.yaml: |\n    aws:\n      us-west-2: 0.01\n      us-west-2: 0.02\n", 6, "duplicate key")]
    public void Import_MalformedTable_ProblemOnTheLine(string text, int line, string message)
    {
        var result = Imports.Text(text, new PriceImportRequest { Format = PriceImportFormat.ConfigMap });

        Imports.HasProblemAt(result, line, message);
    }

    [Fact]
    public void Import_DeeplyNestedYaml_ProblemNotStackOverflow()
    {
        var text = "aws: " + new string('[', 100_000) + "\n";

        var result = Imports.Text(text, new PriceImportRequest { Format = PriceImportFormat.ConfigMap });

        Imports.HasProblemAt(result, 1, "nested");
    }
}
