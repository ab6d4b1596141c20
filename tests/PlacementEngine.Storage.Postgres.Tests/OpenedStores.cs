using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>Stores a test opened, each on a fresh database of the class's server, closed together when the test ends.</summary>
public sealed class OpenedStores(PostgresFixture postgres) : IAsyncDisposable
{
    private readonly List<PostgresStores> _open = [];
    private readonly Dictionary<object, (PostgresStores Stores, string ConnectionString)> _byStore = new(ReferenceEqualityComparer.Instance);

    /// <summary>The stores on a new, empty database.</summary>
    public async Task<PostgresStores> OnNewDatabaseAsync() => await OpenAsync(await postgres.Server.CreateDatabaseAsync());

    /// <summary>Another set of stores (another connection pool, as another silo would have) on the same database.</summary>
    public async Task<PostgresStores> OpenAsync(string connectionString)
    {
        var stores = await PostgresStores.OpenAsync(connectionString);
        _open.Add(stores);
        _byStore[stores.Jobs] = (stores, connectionString);
        _byStore[stores.PriceBooks] = (stores, connectionString);
        return stores;
    }

    /// <summary>The database <paramref name="store"/> was opened on.</summary>
    public string ConnectionStringOf(object store) => _byStore[store].ConnectionString;

    /// <summary>Closes the stores <paramref name="store"/> belongs to and opens its database again, as a restarted silo would.</summary>
    public async Task<PostgresStores> ReopenAsync(object store)
    {
        var (stores, connectionString) = _byStore[store];
        _open.Remove(stores);
        await stores.DisposeAsync();
        return await OpenAsync(connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stores in _open)
        {
            await stores.DisposeAsync();
        }
    }
}
