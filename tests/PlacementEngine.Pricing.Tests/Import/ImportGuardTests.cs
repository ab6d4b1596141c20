using System.Globalization;
using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

/// <summary>The guards against an import that removes most of the book or makes pools look free.</summary>
public sealed class ImportGuardTests
{
    private const int ActivePrices = 100;

    private static readonly PriceImportRequest V1 = new() { Format = PriceImportFormat.PlacementV1 };

    /// <summary>100 on-demand prices in gcp:us-central1, t0 to t99 at $1.</summary>
    private static PriceCatalogData Active { get; } = new(
        [.. Enumerable.Range(0, ActivePrices).Select(i => new PriceEntry(Key(i), Money.Of(1m)))], [], []);

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(94)]
    public void Import_FileCutShort_RefusedNamingTheCountAndAllowRemovals(int rowsKept)
    {
        var result = Imports.Text(File(Enumerable.Range(0, rowsKept), "1.0"), V1, Active);

        Assert.False(result.Accepted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(0, problem.Line);
        Assert.Contains($"remove {ActivePrices - rowsKept} of the active book's {ActivePrices} prices", problem.Message, StringComparison.Ordinal);
        Assert.Contains("It replaces all prices", problem.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-removals", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RemovesExactlyFivePercent_Accepted()
    {
        var result = Imports.Text(File(Enumerable.Range(0, 95), "1.0"), V1, Active);

        Assert.Equal(95, Imports.Accepted(result).Prices.Count);
        Assert.Equal("all prices; only the egress rates it names; only the spot bands it names", result.Replaces);
    }

    [Fact]
    public void Import_FileCutShortWithAllowRemovals_AcceptedAsTheWholeBook()
    {
        var request = V1 with { Validation = new ImportValidationOptions { AllowRemovals = true } };

        var data = Imports.Accepted(Imports.Text(File(Enumerable.Range(0, 1), "1.0"), request, Active));

        Assert.Equal(Key(0), Assert.Single(data.Prices).Key);
    }

    [Fact]
    public void Import_SkyPilotCatalogOfAnotherCloud_RemovesNothingAndIsAccepted()
    {
        var csv = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,SpotPrice,Region,AvailabilityZone\n"
            + "p3.2xlarge,V100,1.0,8.0,61.0,3.06,0.9,us-east-1,use1-az1\n";

        var result = Imports.Text(csv, new PriceImportRequest { Format = PriceImportFormat.SkyPilotCsv, Cloud = Cloud.Aws }, Active);

        Assert.Equal(ActivePrices + 2, Imports.Accepted(result).Prices.Count);
        Assert.StartsWith("all aws prices", result.Replaces, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1e-31")]
    [InlineData("0.00009")]
    public void Import_PriceBelowTheFloor_RefusedOnItsLineNamingAllowBelowFloor(string price)
    {
        var result = Imports.Text(File(Enumerable.Range(0, ActivePrices), "1.0") + $"gcp,us-central1,cheap,{price},,\n", V1, Active);

        Imports.HasProblemAt(result, ActivePrices + 3, "--allow-below-floor");
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Import_PriceBelowTheFloorWithAllowBelowFloor_Accepted()
    {
        var request = V1 with { Validation = new ImportValidationOptions { AllowBelowFloor = true } };

        var data = Imports.Accepted(Imports.Text(File(Enumerable.Range(0, ActivePrices), "1.0") + "gcp,us-central1,free,0,,\n", request, Active));

        Assert.Equal(0m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "free", CapacityType.OnDemand));
    }

    [Fact]
    public void Import_PriceAtTheFloor_Accepted()
    {
        var data = Imports.Accepted(Imports.Text(File(Enumerable.Range(0, ActivePrices), "1.0") + "gcp,us-central1,cheap,0.0001,,\n", V1, Active));

        Assert.Equal(0.0001m, Imports.Hourly(data, Cloud.Gcp, "us-central1", "cheap", CapacityType.OnDemand));
    }

    [Fact]
    public void Import_TakesAPoolsPriceAway_RefusedNamingThePoolsAndAllowUnpricedPools()
    {
        // Two pools on t99's price, one on t0's; the file drops t99 only (1%, under the removal threshold).
        var request = V1 with { Validation = new ImportValidationOptions { PoolKeys = [Key(0), Key(99), Key(99)] } };

        var result = Imports.Text(File(Enumerable.Range(0, 99), "1.0"), request, Active);

        Imports.HasProblemAt(result, 0, "take the price away from 2 of the fleet's 3 pools");
        Assert.Contains("--allow-unpriced-pools", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(Key(99).ToString(), result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TakesAPoolsPriceAwayWithAllowUnpricedPools_Accepted()
    {
        var request = V1 with { Validation = new ImportValidationOptions { PoolKeys = [Key(99)], AllowUnpricedPools = true } };

        Assert.Equal(99, Imports.Accepted(Imports.Text(File(Enumerable.Range(0, 99), "1.0"), request, Active)).Prices.Count);
    }

    [Fact]
    public void Import_PoolTheActiveBookDoesNotPriceEither_Accepted()
    {
        var unpricedBefore = new PriceKey(Cloud.Gcp, "us-central1", "never-priced", CapacityType.OnDemand);
        var request = V1 with { Validation = new ImportValidationOptions { PoolKeys = [Key(0), unpricedBefore] } };

        Assert.True(Imports.Text(File(Enumerable.Range(0, ActivePrices), "2.0"), request, Active).Accepted);
    }

    private static PriceKey Key(int i) => new(Cloud.Gcp, "us-central1", $"t{i}", CapacityType.OnDemand);

    private static string File(IEnumerable<int> rows, string price)
    {
        var text = new StringBuilder("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\n");
        foreach (var i in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"gcp,us-central1,t{i},{price},,\n");
        }
        return text.ToString();
    }
}
