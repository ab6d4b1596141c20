using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using static PlacementEngine.Scheduling.Tests.Pricing.PricingData;

namespace PlacementEngine.Scheduling.Tests.Pricing;

public sealed class StoredPriceSourceTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryPriceBookStore _store = new();

    private StoredPriceSource CreateSut() => new(_store, Fallback());

    [Fact]
    public async Task Active_BeforeAnyRefreshOrWithAnEmptyStore_IsTheFallback()
    {
        using var source = CreateSut();
        Assert.Equal(Money.Of(99m), source.Active.Prices[P4dOnDemand]);

        await source.RefreshAsync(default);

        Assert.Equal(0, source.Active.Version);
        Assert.Null(source.LoadedVersion);
        Assert.Equal(0, _store.Loads);
    }

    [Fact]
    public async Task Refresh_ActiveVersion_IsComposedWithItsOverrides()
    {
        await _store.CreateAsync(Catalog(), [Discount("edp", -10m, new OverrideSelector(Cloud: Cloud.Aws))], "alice", "", "test", true, At, default);
        using var source = CreateSut();

        await source.RefreshAsync(default);

        Assert.Equal(1, source.Active.Version);
        Assert.Equal(Money.Of(11.25m), source.Active.Prices[P4dSpot]);
        Assert.Equal(Money.Of(29.3876m), source.Active.Prices[A2OnDemand]);
        Assert.Equal(3, source.Active.SpotBand(Cloud.Aws, "us-east-1", "p4d.24xlarge"));
    }

    [Fact]
    public async Task Refresh_VersionUnchanged_OnlyAsksForTheVersionNumber()
    {
        await _store.CreateAsync(Catalog(), [], "alice", "", "test", true, At, default);
        using var source = CreateSut();
        await source.RefreshAsync(default);
        var first = source.Active;

        await source.RefreshAsync(default);
        await source.RefreshAsync(default);

        Assert.Equal(1, _store.Loads);
        Assert.Equal(3, _store.ActiveVersionReads);
        Assert.Same(first, source.Active);
    }

    [Fact]
    public async Task Refresh_NewVersionCreatedButNotActivated_KeepsTheActiveOne()
    {
        await _store.CreateAsync(Catalog(), [], "alice", "", "test", true, At, default);
        using var source = CreateSut();
        await source.RefreshAsync(default);

        await _store.CreateAsync(Catalog(40m), [], "alice", "", "test", false, At, default);
        await source.RefreshAsync(default);

        Assert.Equal(1, source.Active.Version);
        Assert.Equal(1, _store.Loads);
    }

    [Fact]
    public async Task Refresh_AfterActivationAndRollback_LoadsEachNewlyActiveVersion()
    {
        await _store.CreateAsync(Catalog(), [], "alice", "", "test", true, At, default);
        await _store.CreateAsync(Catalog(40m), [], "alice", "", "test", true, At, default);
        using var source = CreateSut();
        await source.RefreshAsync(default);
        Assert.Equal(Money.Of(40m), source.Active.Prices[P4dOnDemand]);

        await _store.ActivateAsync(1, "bob", At, default);
        await source.RefreshAsync(default);

        Assert.Equal(1, source.Active.Version);
        Assert.Equal(Money.Of(32.7726m), source.Active.Prices[P4dOnDemand]);
        Assert.Equal(2, _store.Loads);
    }
}
