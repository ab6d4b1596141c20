using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

public sealed class PlacementV1Tests
{
    private const string Version = "# placement-prices v1";
    private const string PricesHeader = "cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd";

    private static readonly PriceImportRequest V1 = new() { Format = PriceImportFormat.PlacementV1 };

    [Fact]
    public void WriteThenImport_ShippedTables_RoundTripEveryEntry()
    {
        var shipped = SharedCatalogs.Shipped;
        var text = PlacementV1Writer.Prices(shipped.Prices) + PlacementV1Writer.Egress(shipped.Egress) + PlacementV1Writer.SpotBands(shipped.SpotBands);

        var data = Imports.Accepted(Imports.Text(text, SharedCatalogs.Request()));

        Assert.Equal(shipped.Prices.ToHashSet(), data.Prices.ToHashSet());
        Assert.Equal(shipped.Egress.ToHashSet(), data.Egress.ToHashSet());
        Assert.Equal(shipped.SpotBands.ToHashSet(), data.SpotBands.ToHashSet());
        Assert.Equal(shipped.Prices.Count, data.Prices.Count);
    }

    [Fact]
    public void Import_LonePricesTable_ReplacesAllPricesAndKeepsEgressAndBands()
    {
        var active = new PriceCatalogData(
            [new PriceEntry(new PriceKey(Cloud.Gcp, "us-central1", "n2-standard-16", CapacityType.OnDemand), Money.Of(0.8m))],
            [new EgressEntry(new RegionId(Cloud.Aws, "us-east-1"), new RegionId(Cloud.Aws, "us-west-2"), Money.Of(0.02m))],
            [new SpotBandEntry(Cloud.Aws, "us-east-1", "p3.2xlarge", 1)]);
        var text = $"{Version}\n{PricesHeader}\naws,us-east-1,p3.2xlarge,3.06,0.36,2.0\n";

        var result = Imports.Text(text, Imports.AllowingRemovals, active);
        var data = Imports.Accepted(result);

        Assert.Equal(PriceImportFormat.PlacementV1, result.Format);
        Assert.Equal("all prices; only the egress rates it names; only the spot bands it names", result.Replaces);
        Assert.Equal(3, data.Prices.Count);
        Assert.Equal(2.0m, Imports.Hourly(data, Cloud.Aws, "us-east-1", "p3.2xlarge", CapacityType.Reserved));
        Assert.Single(data.Egress);
        Assert.Single(data.SpotBands);
    }

    [Fact]
    public void Import_SeveralTablesInOneFile_EachRead()
    {
        var text = $"{Version}\n# a comment\n{PricesHeader}\naws,us-east-1,p3.2xlarge,3.06,,\n\nfrom,to,usd_per_gb\naws:us-east-1,gcp:us-central1,0.09\n"
            + "cloud,region,instance_type,band\naws,us-east-1,p3.2xlarge,3\n";

        var data = Imports.Accepted(Imports.Text(text));

        Assert.Single(data.Prices);
        Assert.Equal(new RegionId(Cloud.Gcp, "us-central1"), Assert.Single(data.Egress).To);
        Assert.Equal(3, Assert.Single(data.SpotBands).Band);
    }

    [Theory]
    [InlineData("cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,3,,\n", 1, "first line must be")]
    [InlineData("# placement-prices v2\n", 1, "unsupported version")]
    [InlineData("# placement-prices v1\naws,us-east-1,p3.2xlarge,3,,\n", 2, "expected a table header")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,3\n", 3, "4 cells where the prices table has 6")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\nmoon,us-east-1,p3.2xlarge,3,,\n", 3, "cloud 'moon'")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,,,\n", 3, "no price given")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,3.0.1,,\n", 3, "on_demand_usd '3.0.1' is not a number")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,1e40,,\n", 3, "out of range")]
    [InlineData("# placement-prices v1\nfrom,to,usd_per_gb\nus-east-1,gcp:us-central1,0.09\n", 3, "not a region written cloud:region")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,band\naws,us-east-1,p3.2xlarge,1.5\n", 3, "band '1.5'")]
    [InlineData("# placement-prices v1\ncloud,region,country,jurisdiction\naws,eu-west-1,IE,IE\n", 3, "expected EU")]
    [InlineData("# placement-prices v1\nfrom,to,usd_per_gb\nfrom,to,usd_per_gb\n", 3, "a second egress table")]
    [InlineData("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,\"p3,2xlarge,3,,\n", 3, "never closed")]
    public void Import_MalformedRow_ProblemOnItsLine(string text, int line, string message) =>
        Imports.HasProblemAt(Imports.Text(text, V1), line, message);

    [Fact]
    public void Import_SameRowTwice_DuplicateProblemNamingTheFirstLine()
    {
        var text = $"{Version}\n{PricesHeader}\naws,us-east-1,p3.2xlarge,3.06,,\naws,us-west-2,p3.2xlarge,3.06,,\naws,us-east-1,p3.2xlarge,3.10,,\n";

        Imports.HasProblemAt(Imports.Text(text), 5, "already priced at line 3");
    }

    [Fact]
    public void Import_RegionsTable_NotImportedAndSaidSo()
    {
        var text = $"{Version}\n{PricesHeader}\naws,us-east-1,p3.2xlarge,3.06,,\ncloud,region,country,jurisdiction\naws,eu-west-1,IE,EU\n";

        var result = Imports.Text(text);

        Assert.True(result.Accepted, result.DescribeProblems());
        Assert.Contains(result.Notes, n => n.Contains("regions table is not imported", StringComparison.Ordinal));
    }
}
