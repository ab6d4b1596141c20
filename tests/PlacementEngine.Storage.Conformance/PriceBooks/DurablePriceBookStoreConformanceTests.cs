using PlacementEngine.Scheduling;
using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

/// <summary>
/// The conformance suite plus surviving a reopen, for stores that keep their data (SQLite, PostgreSQL); the
/// in-memory test store derives from <see cref="PriceBookStoreConformanceTests"/> alone.
/// </summary>
public abstract class DurablePriceBookStoreConformanceTests : PriceBookStoreConformanceTests
{
    /// <summary>Closes <paramref name="store"/> and opens its data again, as a restart of the server would.</summary>
    protected abstract Task<IPriceBookStore> ReopenStoreAsync(IPriceBookStore store);

    [Fact]
    public async Task Reopen_KeepsEveryVersionAndTheActiveOne()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(FullCatalog(), [], "alice", "import", "test", true, At, None);
        var first = await store.GetAsync(1, None);
        await store.CreateAsync(first!.Data, FullOverrides(), "bob", "override", "override set", true, At.AddMinutes(1), None);
        await store.CreateAsync(FullCatalog(40m), FullOverrides(), "carol", "reimport", "test", false, At.AddMinutes(2), None);
        await store.ActivateAsync(1, "dave", At.AddMinutes(3), None);
        var list = await store.ListAsync(None);
        var books = new List<Core.StoredPriceBook>();
        foreach (var info in list)
        {
            books.Add((await store.GetAsync(info.Version, None))!);
        }

        var reopened = await ReopenStoreAsync(store);

        Assert.Equal(list, await reopened.ListAsync(None));
        Assert.Equal(1L, await reopened.GetActiveVersionAsync(None));
        foreach (var book in books)
        {
            await AssertSameBookAsync(book, reopened);
        }
        Assert.Equal(4L, (await CreateAsync(reopened)).Version);
    }
}
