using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>A test class on the shared private PostgreSQL server, each test on a database of its own.</summary>
public abstract class FreshPostgresDatabase(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    protected string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = await postgres.Server.CreateDatabaseAsync();

    public abstract Task DisposeAsync();
}
