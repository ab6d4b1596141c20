using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

/// <summary>
/// What every <see cref="IPriceBookStore"/> must do, whatever database is behind it. An implementation's test class
/// derives from this (or from its durable variant), says how to make an empty store, and cleans up after itself.
/// Times are whole milliseconds, the finest precision every supported database keeps.
/// </summary>
public abstract partial class PriceBookStoreConformanceTests
{
    protected static CancellationToken None => CancellationToken.None;

    /// <summary>A new store holding no versions.</summary>
    protected abstract Task<IPriceBookStore> CreateStoreAsync();

    protected static Task<PriceBookInfo> CreateAsync(IPriceBookStore store, PriceCatalogData? data = null, bool activate = true, IReadOnlyList<PriceOverride>? overrides = null, string comment = "") =>
        store.CreateAsync(data ?? Single(), overrides ?? [], "alice", comment, "test", activate, At, None);

    protected static async Task<long?> ActiveFromListAsync(IPriceBookStore store)
    {
        var active = (await store.ListAsync(None)).Where(b => b.Active).ToList();
        Assert.True(active.Count <= 1, $"{active.Count} versions are active");
        return active.Count == 0 ? null : active[0].Version;
    }

    protected static async Task AssertSameBookAsync(StoredPriceBook expected, IPriceBookStore store)
    {
        var actual = await store.GetAsync(expected.Info.Version, None);
        Assert.NotNull(actual);
        Assert.Equal(expected.Info, actual.Info);
        Assert.Equal(Text(expected.Data), Text(actual.Data));
        Assert.Equal(Text(expected.Overrides), Text(actual.Overrides));
    }
}
