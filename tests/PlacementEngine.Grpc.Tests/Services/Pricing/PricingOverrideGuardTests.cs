using Grpc.Core;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

/// <summary>Overrides that would make nodes look free, or that match nothing in the active book.</summary>
public sealed class PricingOverrideGuardTests
{
    public static TheoryData<V1.PriceOverride> ZeroingOverrides => new()
    {
        new V1.PriceOverride { Id = "free-for-all", Percent = "-100" },
        new V1.PriceOverride { Id = "free-a2", Selector = new V1.OverrideSelector { Cloud = "gcp", InstanceType = "a2-highgpu-1g" }, AbsolutePrice = "0" },
        new V1.PriceOverride { Id = "almost-free", Selector = new V1.OverrideSelector { Cloud = "aws" }, AbsolutePrice = "0.00001" },
    };

    [Theory]
    [MemberData(nameof(ZeroingOverrides))]
    public async Task SetOverride_PricesBelowTheFloor_InvalidArgumentNamingAllowBelowFloorAndNothingStored(V1.PriceOverride change)
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Service.SetOverride(new V1.SetOverrideRequest { Override = change }, ContextFor(Admin)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("override.value: the override would bring ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("--allow-below-floor (allow_below_floor)", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Fact]
    public async Task SetOverride_PricesBelowTheFloorWithAllowBelowFloor_StoredAndPricedAtZero()
    {
        using var api = await StartAsync();
        var change = new V1.PriceOverride { Id = "free-for-all", Percent = "-100" };

        var book = await api.Service.SetOverride(new V1.SetOverrideRequest { Override = change, AllowBelowFloor = true }, ContextFor(Admin));
        var price = await api.Service.GetPrice(new V1.GetPriceRequest { Cloud = "aws", Region = "us-east-1", InstanceType = "p4d.24xlarge" }, ContextFor(Admin));

        Assert.Equal((2L, true), (book.Version, book.Active));
        Assert.All(price.Prices, p => Assert.Equal("0", p.HourlyPrice));
    }

    [Fact]
    public async Task SetOverride_DiscountAboveTheFloor_Stored()
    {
        using var api = await StartAsync();

        var book = await api.Service.SetOverride(new V1.SetOverrideRequest { Override = new V1.PriceOverride { Id = "deep", Percent = "-99.99" } }, ContextFor(Admin));

        Assert.Equal(2L, book.Version);
    }

    [Theory]
    [InlineData("azure", "", "", "the selector cloud=azure matches no price in the active price book 1")]
    [InlineData("gcp", "mars-west1", "", "the selector cloud=gcp region=mars-west1 matches no price")]
    [InlineData("aws", "", "p5.48xlarge", "the selector cloud=aws instance_type=p5.48xlarge matches no price")]
    public async Task SetOverride_SelectorMatchingNoPrice_InvalidArgumentNamingTheSelectorAndNothingStored(string cloud, string region, string instanceType, string detail)
    {
        using var api = await StartAsync();
        var change = new V1.PriceOverride
        {
            Id = "typo",
            Selector = new V1.OverrideSelector { Cloud = cloud, Region = region, InstanceType = instanceType },
            Percent = "-10",
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Service.SetOverride(new V1.SetOverrideRequest { Override = change }, ContextFor(Admin)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("override.selector: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }
}
