using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using static PlacementEngine.Scheduling.Tests.Pricing.PricingData;

namespace PlacementEngine.Scheduling.Tests.Pricing;

public sealed class PriceBookServiceTests : IDisposable
{
    private static readonly OverrideSelector AwsOnly = new(Cloud: Cloud.Aws);

    private readonly InMemoryPriceBookStore _store = new();
    private readonly FakeTimeProvider _time = new();
    private readonly AsyncSignal _cycleTrigger = new();
    private readonly PriceBookService _service;

    public PriceBookServiceTests() => _service = new PriceBookService(_store, _time, _cycleTrigger);

    public void Dispose()
    {
        _service.Dispose();
        _cycleTrigger.Dispose();
    }

    [Fact]
    public async Task Import_FirstVersion_IsActive_WithWhoWhenAndComment()
    {
        var result = await _service.ImportAsync(Catalog(), "alice", "January list prices", "import skypilot-csv aws.csv", activate: true, default);

        Assert.True(result.Succeeded);
        Assert.Equal(new PriceBookInfo(1, "alice", _time.GetUtcNow(), "January list prices", "import skypilot-csv aws.csv", 3, 0, Active: true), result.Value);
        Assert.True(CycleWoken());
    }

    [Fact]
    public async Task Import_WithoutActivating_KeepsTheActiveVersion_AndDoesNotWakeTheCycle()
    {
        await ImportAsync(Catalog());
        Assert.True(CycleWoken());

        var result = await _service.ImportAsync(Catalog(40m), "alice", "", "test", activate: false, default);

        Assert.False(result.Value!.Active);
        Assert.Equal(1L, await _store.GetActiveVersionAsync(default));
        Assert.False(CycleWoken());
    }

    [Fact]
    public async Task Import_CarriesTheActiveOverridesIntoTheNewVersion()
    {
        await ImportAsync(Catalog());
        await SetAsync(Discount("edp", -10m, AwsOnly));

        var result = await ImportAsync(Catalog(40m));

        var stored = await _store.GetAsync(result.Version, default);
        Assert.Equal(["edp"], stored!.Overrides.Select(o => o.Id));
        Assert.Equal(Money.Of(36m), (await PriceAsync(P4dOnDemand)).Hourly);
    }

    [Fact]
    public async Task Import_DuplicateKey_IsInvalid_AndNothingIsStored()
    {
        await ImportAsync(Catalog());
        var duplicated = Catalog() with { Prices = [.. Catalog().Prices, new PriceEntry(P4dSpot, Money.Of(1m))] };

        var result = await _service.ImportAsync(duplicated, "alice", "", "test", activate: true, default);

        Assert.Equal(PriceBookErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal("prices[3]", Assert.Single(result.Error.FieldErrors).Field);
        Assert.Single(await _store.ListAsync(default));
        Assert.Equal(1L, await _store.GetActiveVersionAsync(default));
    }

    [Fact]
    public async Task Import_WithoutWho_IsInvalid() =>
        Assert.Equal("created_by", Assert.Single((await _service.ImportAsync(Catalog(), " ", "", "test", true, default)).Error!.FieldErrors).Field);

    [Fact]
    public async Task SetOverride_CreatesANewActiveVersion_WithTheOverrideAppliedAndStampedNow()
    {
        await ImportAsync(Catalog());
        _time.Advance(TimeSpan.FromMinutes(5));

        var info = await SetAsync(Discount("edp", -10m, AwsOnly));

        Assert.Equal((2L, true, 1, "alice", "override set edp"), (info.Version, info.Active, info.OverrideCount, info.CreatedBy, info.Source));
        var stored = await _store.GetAsync(2, default);
        Assert.Equal(_time.GetUtcNow(), Assert.Single(stored!.Overrides).CreatedAt);
        Assert.Same((await _store.GetAsync(1, default))!.Data, stored.Data);
        Assert.Equal(Money.Of(11.25m), (await PriceAsync(P4dSpot)).Hourly);
    }

    [Fact]
    public async Task SetOverride_SameId_ReplacesIt_AndMovesItLast()
    {
        await ImportAsync(Catalog());
        await SetAsync(Discount("edp", -10m, AwsOnly));
        await SetAsync(Fixed("p4d-deal", 20m, new OverrideSelector(InstanceType: "p4d.24xlarge")));

        var info = await SetAsync(Discount("edp", -20m, AwsOnly));

        var stored = await _store.GetAsync(info.Version, default);
        Assert.Equal(["p4d-deal", "edp"], stored!.Overrides.Select(o => o.Id));
        Assert.Equal(-20m, stored.Overrides[1].Value);
    }

    [Fact]
    public async Task SetOverride_MinusHundredFiftyPercent_IsInvalidNamingTheValue_AndNothingIsStored()
    {
        await ImportAsync(Catalog());

        var result = await _service.SetOverrideAsync(Discount("too-much", -150m, AwsOnly), default);

        Assert.Equal(PriceBookErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal("override.value", Assert.Single(result.Error.FieldErrors).Field);
        Assert.Single(await _store.ListAsync(default));
    }

    [Fact]
    public async Task SetOverride_SelectorMatchingNoPrice_IsInvalidNamingTheSelector_AndNothingIsStored()
    {
        await ImportAsync(Catalog());

        var result = await _service.SetOverrideAsync(Discount("typo", -10m, new OverrideSelector(Cloud.Aws, Region: "us-east-9")), default);

        Assert.Equal(PriceBookErrorKind.Invalid, result.Error!.Kind);
        var error = Assert.Single(result.Error.FieldErrors);
        Assert.Equal("override.selector", error.Field);
        Assert.StartsWith("the selector cloud=aws region=us-east-9 matches no price in the active price book 1", error.Message, StringComparison.Ordinal);
        Assert.Single(await _store.ListAsync(default));
    }

    [Fact]
    public async Task SetOverride_MinusHundredPercent_IsInvalidNamingAllowBelowFloorUnlessAllowed()
    {
        await ImportAsync(Catalog());

        var refused = await _service.SetOverrideAsync(Discount("free", -100m, AwsOnly), default);
        var allowed = await _service.SetOverrideAsync(Discount("free", -100m, AwsOnly), allowBelowFloor: true, default);

        var error = Assert.Single(refused.Error!.FieldErrors);
        Assert.Equal("override.value", error.Field);
        Assert.Contains("--allow-below-floor", error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, allowed.Value!.Version);
        Assert.Equal(Money.Zero, (await PriceAsync(P4dOnDemand)).Hourly);
    }

    [Fact]
    public async Task SetOverride_NoActiveBook_FailsThePrecondition()
    {
        var result = await _service.SetOverrideAsync(Discount("edp", -10m, AwsOnly), default);

        Assert.Equal(PriceBookErrorKind.FailedPrecondition, result.Error!.Kind);
        Assert.Empty(await _store.ListAsync(default));
    }

    [Fact]
    public async Task RemoveOverride_Existing_CreatesANewActiveVersionWithoutIt()
    {
        await ImportAsync(Catalog());
        await SetAsync(Discount("edp", -10m, AwsOnly));

        var result = await _service.RemoveOverrideAsync("edp", "bob", null, default);

        Assert.Equal((3L, true, 0, "bob", "removed override edp"), (result.Value!.Version, result.Value.Active, result.Value.OverrideCount, result.Value.CreatedBy, result.Value.Comment));
        Assert.Equal(Money.Of(12.50m), (await PriceAsync(P4dSpot)).Hourly);
    }

    [Fact]
    public async Task RemoveOverride_Unknown_IsNotFound_AndNothingIsStored()
    {
        await ImportAsync(Catalog());

        var result = await _service.RemoveOverrideAsync("nope", "bob", null, default);

        Assert.Equal(PriceBookErrorKind.NotFound, result.Error!.Kind);
        Assert.Contains("'nope'", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(await _store.ListAsync(default));
    }

    [Fact]
    public async Task Activate_OlderVersion_RollsBack()
    {
        await ImportAsync(Catalog());
        await SetAsync(Discount("edp", -10m, AwsOnly));
        Assert.True(CycleWoken());

        var result = await _service.ActivateAsync(1, "bob", default);

        Assert.Equal((1L, true), (result.Value!.Version, result.Value.Active));
        Assert.Equal(Money.Of(12.50m), (await PriceAsync(P4dSpot)).Hourly);
        Assert.Equal([2L, 1L], (await _service.ListAsync(default)).Select(b => b.Version));
        Assert.True(CycleWoken());
    }

    [Fact]
    public async Task Activate_Unknown_IsNotFound()
    {
        await ImportAsync(Catalog());

        var result = await _service.ActivateAsync(9, "bob", default);

        Assert.Equal(PriceBookErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(1L, await _store.GetActiveVersionAsync(default));
    }

    [Fact]
    public async Task Diff_OverrideVersion_ShowsComposedChanges()
    {
        await ImportAsync(Catalog());
        await SetAsync(Discount("edp", -10m, AwsOnly));

        var diff = (await _service.DiffAsync(1, 2, default)).Value!;

        Assert.Equal([P4dSpot, P4dOnDemand], diff.Changed.Select(c => c.Key));
        Assert.All(diff.Changed, c => Assert.Equal(-10m, c.PercentChange));
    }

    [Fact]
    public async Task Diff_UnknownVersion_IsNotFoundNamingIt()
    {
        await ImportAsync(Catalog());

        var result = await _service.DiffAsync(1, 5, default);

        Assert.Equal(PriceBookErrorKind.NotFound, result.Error!.Kind);
        Assert.Contains("price book 5", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrice_ListsEachCapacityType_ImportedComposedAndAppliedOverrides_NamesCaseInsensitive()
    {
        await ImportAsync(Catalog());
        await SetAsync(Fixed("deal", 20m, new OverrideSelector(InstanceType: "p4d.24xlarge", CapacityType: CapacityType.OnDemand)));

        var prices = (await _service.GetPriceAsync(Cloud.Aws, "US-EAST-1", "P4D.24xlarge", default)).Value!;

        Assert.Equal(2, prices.Version);
        Assert.Equal(
            [
                (CapacityType.Spot, Money.Of(12.50m), Money.Of(12.50m), ""),
                (CapacityType.OnDemand, Money.Of(32.7726m), Money.Of(20m), "deal"),
            ],
            prices.Prices.Select(p => (p.Key.CapacityType, p.Imported, p.Hourly, string.Join(",", p.AppliedOverrideIds))));
    }

    [Fact]
    public async Task GetPrice_UnknownTypeOrNoActiveBook_SaysWhy()
    {
        Assert.Equal(PriceBookErrorKind.FailedPrecondition, (await _service.GetPriceAsync(Cloud.Aws, "us-east-1", "p4d.24xlarge", default)).Error!.Kind);
        await ImportAsync(Catalog());

        Assert.Equal(PriceBookErrorKind.NotFound, (await _service.GetPriceAsync(Cloud.Aws, "us-east-1", "p5.48xlarge", default)).Error!.Kind);
    }

    private async Task<PriceBookInfo> ImportAsync(PriceCatalogData data)
    {
        var result = await _service.ImportAsync(data, "alice", "import", "test", activate: true, default);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    private async Task<PriceBookInfo> SetAsync(PriceOverride change)
    {
        var result = await _service.SetOverrideAsync(change, default);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    private async Task<ComposedPrice> PriceAsync(PriceKey key)
    {
        var result = await _service.GetPriceAsync(key.Cloud, key.Region, key.InstanceType, default);
        return result.Value!.Prices.Single(p => p.Key == key);
    }

    /// <summary>Whether the cycle was woken since the last look; a wake is waited for only if already signalled, never on the clock.</summary>
    private bool CycleWoken()
    {
        using var stop = new CancellationTokenSource();
        var wait = _cycleTrigger.WaitAsync(TimeSpan.FromDays(1), _time, stop.Token);
        if (wait.IsCompletedSuccessfully)
        {
            return wait.Result;
        }
        stop.Cancel();
        return false;
    }
}
