using Xunit;

namespace PlacementEngine.TestKit.Servers;

/// <summary>One private PostgreSQL server per test class (xunit class fixture); each test takes a fresh database from it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("the PostgreSQL server has not started");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
