using PlacementEngine.Storage.Conformance.PriceBooks;
using PlacementEngine.TestKit.Servers;
using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL price book store promises beyond the suite: the shipped catalog's size, and rows shared between versions.</summary>
public sealed class PostgresPriceBookStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly OpenedStores _stores = new(postgres);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task Create_FullSizeCatalog_StoresEveryRowExactly()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var store = (await _stores.OpenAsync(connectionString)).PriceBooks;
        var catalog = SyntheticCatalog.Of(SyntheticCatalog.FullSize);

        var info = await store.CreateAsync(catalog, [], "alice", "synthetic", "test", true, At, default);
        var stored = await store.GetAsync(info.Version, default);

        Assert.Equal(Text(catalog), Text(stored!.Data));
        Assert.Equal(SyntheticCatalog.FullSize.ToString(System.Globalization.CultureInfo.InvariantCulture), await DirectSql.ScalarAsync(connectionString, "SELECT COUNT(*) FROM placement.prices"));
    }

    [Fact]
    public async Task Create_WithDataReadFromAVersion_BorrowsItsRowsInsteadOfCopying()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var store = (await _stores.OpenAsync(connectionString)).PriceBooks;
        await store.CreateAsync(FullCatalog(), [], "alice", "import", "test", true, At, default);
        var first = await store.GetAsync(1, default);

        await store.CreateAsync(first!.Data, FullOverrides(), "bob", "override", "override set", true, At, default);
        var second = await store.GetAsync(2, default);
        await store.CreateAsync(second!.Data, [], "bob", "override removed", "override removed", true, At, default);

        Assert.Equal("6", await DirectSql.ScalarAsync(connectionString, "SELECT COUNT(*) FROM placement.prices"));
        Assert.Equal("1,1,1", await DirectSql.ScalarAsync(connectionString, "SELECT string_agg(rows_version::text, ',' ORDER BY version) FROM placement.price_books"));
        Assert.Equal(Text(FullCatalog()), Text((await store.GetAsync(3, default))!.Data));
    }
}
