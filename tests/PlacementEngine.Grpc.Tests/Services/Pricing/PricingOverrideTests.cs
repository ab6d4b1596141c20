using Grpc.Core;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

public sealed class PricingOverrideTests
{
    private static V1.GetPriceRequest A2UsCentral => new() { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g" };

    [Fact]
    public async Task SetOverride_PercentForAFamily_NewActiveVersionAndComposedPriceNextToTheImportedOne()
    {
        using var api = await StartAsync();
        var change = new V1.PriceOverride
        {
            Id = "a2-discount",
            Selector = new V1.OverrideSelector { Cloud = "gcp", InstanceFamily = "a2-highgpu", CapacityType = V1.CapacityType.OnDemand },
            Percent = "-10",
            Comment = "negotiated",
        };

        var book = await api.Service.SetOverride(new V1.SetOverrideRequest { Override = change }, ContextFor(Admin));
        var price = await api.Service.GetPrice(A2UsCentral, ContextFor(Admin));

        Assert.Equal((2L, true, 1, "platform"), (book.Version, book.Active, book.OverrideCount, book.CreatedBy));
        var onDemand = Assert.Single(price.Prices, p => p.CapacityType == V1.CapacityType.OnDemand);
        Assert.Equal(("3.67", "3.303", "a2-discount"), (onDemand.ImportedPrice, onDemand.HourlyPrice, Assert.Single(onDemand.AppliedOverrides)));
        var spot = Assert.Single(price.Prices, p => p.CapacityType == V1.CapacityType.Spot);
        Assert.Equal(spot.ImportedPrice, spot.HourlyPrice);
        Assert.True(await api.SchedulerWokenAsync());
    }

    [Fact]
    public async Task ListOverrides_AfterSetAndRemove_ShowsEachVersionsOwnOverrides()
    {
        using var api = await StartAsync();
        await api.Service.SetOverride(new V1.SetOverrideRequest { Override = new V1.PriceOverride { Id = "p4d-deal", AbsolutePrice = "25.5" } }, ContextFor(Admin));
        await api.Service.RemoveOverride(new V1.RemoveOverrideRequest { Id = "p4d-deal", Comment = "deal ended" }, ContextFor(Admin));

        var active = await api.Service.ListOverrides(new V1.ListOverridesRequest(), ContextFor(Admin));
        var withDeal = await api.Service.ListOverrides(new V1.ListOverridesRequest { Version = 2 }, ContextFor(Admin));

        Assert.Equal((3L, 0), (active.Version, active.Overrides.Count));
        var deal = Assert.Single(withDeal.Overrides);
        Assert.Equal(("p4d-deal", "25.5", "platform"), (deal.Id, deal.AbsolutePrice, deal.CreatedBy));
        Assert.Equal("deal ended", (await api.Store.ListAsync(default))[0].Comment);
    }

    [Fact]
    public async Task SetOverride_MalformedFields_InvalidArgumentNamingEachAndNothingStored()
    {
        using var api = await StartAsync();
        var change = new V1.PriceOverride
        {
            Id = "bad",
            Selector = new V1.OverrideSelector { Cloud = "mars", CapacityType = (V1.CapacityType)9 },
            Percent = "ten",
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Service.SetOverride(new V1.SetOverrideRequest { Override = change }, ContextFor(Admin)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("override.selector.cloud: 'mars'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("override.selector.capacity_type: 9", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("override.percent: 'ten'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Theory]
    [InlineData("", "-150", "override.value")]
    [InlineData("bad id!", "-10", "override.id")]
    public async Task SetOverride_OutOfRange_InvalidArgumentFromTheCoreValidator(string id, string percent, string field)
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.SetOverride(new V1.SetOverrideRequest { Override = new V1.PriceOverride { Id = id, Percent = percent } }, ContextFor(Admin)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetOverride_NeitherPriceNorPercent_InvalidArgument()
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.SetOverride(new V1.SetOverrideRequest { Override = new V1.PriceOverride { Id = "x" } }, ContextFor(Admin)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("absolute_price", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveOverride_Unknown_NotFound()
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Service.RemoveOverride(new V1.RemoveOverrideRequest { Id = "nope" }, ContextFor(Admin)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }
}
