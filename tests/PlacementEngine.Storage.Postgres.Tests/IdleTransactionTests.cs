using Npgsql;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>The store's sessions ask the server to end a transaction left idle, so a hung silo cannot hold its locks for long.</summary>
public sealed class IdleTransactionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task StoreSessions_HaveAnIdleInTransactionTimeout_AndKeepTheOptionsTheConnectionStringGave()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync()) { Options = "-c statement_timeout=7000" }.ConnectionString;
        await using var dataSource = PostgresStores.CreateDataSource(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.Equal("5s", await ShowAsync(connection, "idle_in_transaction_session_timeout"));
        Assert.Equal("7s", await ShowAsync(connection, "statement_timeout"));
    }

    private static async Task<object?> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return await command.ExecuteScalarAsync();
    }
}
