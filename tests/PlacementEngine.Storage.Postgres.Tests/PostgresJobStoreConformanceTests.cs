using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.Jobs;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>The job store conformance suite against PostgreSQL, one fresh database per test.</summary>
public sealed class PostgresJobStoreConformanceTests(PostgresFixture postgres) : DurableJobStoreConformanceTests, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly OpenedStores _stores = new(postgres);

    protected override async Task<IJobStore> CreateStoreAsync() => (await _stores.OnNewDatabaseAsync()).Jobs;

    protected override async Task<IJobStore> ReopenStoreAsync(IJobStore store) => (await _stores.ReopenAsync(store)).Jobs;

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
