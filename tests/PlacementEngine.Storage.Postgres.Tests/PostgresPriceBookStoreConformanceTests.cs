using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.PriceBooks;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>The price book conformance suite against PostgreSQL, one fresh database per test.</summary>
public sealed class PostgresPriceBookStoreConformanceTests(PostgresFixture postgres) : DurablePriceBookStoreConformanceTests, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly OpenedStores _stores = new(postgres);

    protected override async Task<IPriceBookStore> CreateStoreAsync() => (await _stores.OnNewDatabaseAsync()).PriceBooks;

    protected override async Task<IPriceBookStore> ReopenStoreAsync(IPriceBookStore store) => (await _stores.ReopenAsync(store)).PriceBooks;

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
