using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

public abstract partial class PriceBookStoreConformanceTests
{
    [Fact]
    public async Task Create_DuplicatePriceKeyMidImport_ThrowsNamingIt_AndLeavesNoPartialVersion()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, FullCatalog());
        var prices = FullCatalog().Prices.ToList();
        prices.Insert(4, prices[1] with { Hourly = Money.Of(99m) });
        var duplicated = FullCatalog() with { Prices = prices };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(duplicated, FullOverrides(), "mallory", "", "test", true, At, None));

        Assert.Contains("aws:us-east-1/p4d.24xlarge/spot", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAfterFailureAsync(store);
    }

    [Fact]
    public async Task Create_DuplicateEgressOrBand_ThrowsNamingIt_AndLeavesNoPartialVersion()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, FullCatalog());
        var catalog = FullCatalog();

        var egress = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.CreateAsync(catalog with { Egress = [.. catalog.Egress, catalog.Egress[0]] }, [], "mallory", "", "test", true, At, None));
        var band = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.CreateAsync(catalog with { SpotBands = [.. catalog.SpotBands, catalog.SpotBands[2] with { Band = 1 }] }, [], "mallory", "", "test", true, At, None));

        Assert.Contains("aws:us-east-1 -> gcp:europe-west4", egress.Message, StringComparison.Ordinal);
        Assert.Contains("gcp:europe-west4/a2-highgpu-8g", band.Message, StringComparison.Ordinal);
        await AssertUnchangedAfterFailureAsync(store);
    }

    [Fact]
    public async Task Create_DuplicateOverrideId_ThrowsNamingIt_AndLeavesNoPartialVersion()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, FullCatalog());
        var overrides = FullOverrides();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.CreateAsync(FullCatalog(), [.. overrides, overrides[0] with { Value = -5m }], "mallory", "", "test", true, At, None));

        Assert.Contains("'edp-2026'", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAfterFailureAsync(store);
    }

    [Fact]
    public async Task Create_Cancelled_LeavesNoPartialVersion()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, FullCatalog());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CreateAsync(FullCatalog(), [], "mallory", "", "test", true, At, cancelled.Token));

        await AssertUnchangedAfterFailureAsync(store);
    }

    /// <summary>Only version 1 exists and is active, whole; the next version is still number 2.</summary>
    private static async Task AssertUnchangedAfterFailureAsync(IPriceBookStore store)
    {
        Assert.Equal([1L], (await store.ListAsync(None)).Select(b => b.Version));
        Assert.Equal(1L, await store.GetActiveVersionAsync(None));
        Assert.Null(await store.GetAsync(2, None));
        var first = await store.GetAsync(1, None);
        Assert.Equal(Text(FullCatalog()), Text(first!.Data));
        Assert.Equal(2L, (await CreateAsync(store)).Version);
    }
}
