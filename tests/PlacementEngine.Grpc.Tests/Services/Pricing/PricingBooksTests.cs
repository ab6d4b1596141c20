using Grpc.Core;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

public sealed class PricingBooksTests
{
    // Drops the seed's aws prices on purpose, so the diffs have a removed row.
    private const string Changed = """
        # placement-prices v1
        cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
        gcp,us-central1,a2-highgpu-1g,3.67,1.32,
        gcp,europe-west4,a2-highgpu-1g,4.04,1.21,
        gcp,europe-west4,a2-highgpu-2g,8.08,2.42,
        """;

    [Fact]
    public async Task DiffPriceBooks_ChangedAddedRemoved_ListedWithOldNewAndPercent()
    {
        using var api = await StartAsync();
        await api.ImportAsync(Changed, new V1.ImportPricesHeader { AllowRemovals = true });

        var diff = await api.Service.DiffPriceBooks(new V1.DiffPriceBooksRequest { FromVersion = 1, ToVersion = 2 }, ContextFor(Admin));

        var changed = Assert.Single(diff.Changed);
        Assert.Equal(("us-central1", V1.CapacityType.Spot, "1.1", "1.32", "20"), (changed.Region, changed.CapacityType, changed.OldPrice, changed.NewPrice, changed.PercentChange));
        Assert.Equal(2, diff.AddedCount);
        Assert.All(diff.Added, a => Assert.Equal(("a2-highgpu-2g", ""), (a.InstanceType, a.OldPrice)));
        Assert.Equal(2, diff.RemovedCount);
        Assert.All(diff.Removed, r => Assert.Equal(("p4d.24xlarge", ""), (r.InstanceType, r.NewPrice)));
    }

    [Fact]
    public async Task DiffPriceBooks_MaxRows_CapsEachListButCountsEveryRow()
    {
        using var api = await StartAsync();
        await api.ImportAsync(Changed, new V1.ImportPricesHeader { AllowRemovals = true });

        var diff = await api.Service.DiffPriceBooks(new V1.DiffPriceBooksRequest { FromVersion = 1, ToVersion = 2, MaxRows = 1 }, ContextFor(Admin));

        Assert.Equal((1, 1, 1), (diff.Added.Count, diff.Removed.Count, diff.Changed.Count));
        Assert.Equal((2, 2, 1), (diff.AddedCount, diff.RemovedCount, diff.ChangedCount));
    }

    [Theory]
    [InlineData(0, 1, StatusCode.InvalidArgument)]
    [InlineData(1, 9, StatusCode.NotFound)]
    public async Task DiffPriceBooks_BadVersions_NamedError(long from, long to, StatusCode expected)
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.DiffPriceBooks(new V1.DiffPriceBooksRequest { FromVersion = from, ToVersion = to }, ContextFor(Admin)));

        Assert.Equal(expected, ex.StatusCode);
    }

    [Fact]
    public async Task ActivatePriceBook_OlderVersion_RollsBackAndEveryVersionIsKept()
    {
        using var api = await StartAsync();
        await api.ImportAsync(Changed, new V1.ImportPricesHeader { AllowRemovals = true });

        var book = await api.Service.ActivatePriceBook(new V1.ActivatePriceBookRequest { Version = 1 }, ContextFor(Admin));
        var books = await api.Service.ListPriceBooks(new V1.ListPriceBooksRequest(), ContextFor(Admin));
        var price = await api.Service.GetPrice(new V1.GetPriceRequest { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g" }, ContextFor(Admin));

        Assert.Equal((1L, true), (book.Version, book.Active));
        Assert.Equal([2L, 1L], books.Books.Select(b => b.Version));
        Assert.Equal([false, true], books.Books.Select(b => b.Active));
        Assert.Equal(("system", "shipped catalog"), (books.Books[1].CreatedBy, books.Books[1].Source));
        Assert.Equal((1L, "1.1"), (price.Version, Assert.Single(price.Prices, p => p.CapacityType == V1.CapacityType.Spot).HourlyPrice));
    }

    [Fact]
    public async Task ActivatePriceBook_Unknown_NotFoundAndTheActiveOneStays()
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Service.ActivatePriceBook(new V1.ActivatePriceBookRequest { Version = 7 }, ContextFor(Admin)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(1L, await api.ActiveVersionAsync());
    }

    [Fact]
    public async Task GetPrice_NamesInAnotherCase_FoundAndShownInTheBooksSpelling()
    {
        using var api = await StartAsync();

        var price = await api.Service.GetPrice(new V1.GetPriceRequest { Cloud = "AWS", Region = "US-EAST-1", InstanceType = "P4D.24XLARGE" }, ContextFor(Admin));

        Assert.Equal(("aws", "us-east-1", "p4d.24xlarge"), (price.Cloud, price.Region, price.InstanceType));
        Assert.Equal(2, price.Prices.Count);
    }

    [Theory]
    [InlineData("gcp", "us-central1", "z9-huge", StatusCode.NotFound)]
    [InlineData("mars", "us-central1", "a2-highgpu-1g", StatusCode.InvalidArgument)]
    [InlineData("gcp", "", "a2-highgpu-1g", StatusCode.InvalidArgument)]
    public async Task GetPrice_UnknownOrMissing_NamedError(string cloud, string region, string type, StatusCode expected)
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.GetPrice(new V1.GetPriceRequest { Cloud = cloud, Region = region, InstanceType = type }, ContextFor(Admin)));

        Assert.Equal(expected, ex.StatusCode);
    }
}
