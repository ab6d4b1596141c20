using Npgsql;
using PlacementEngine.Silo.AdoNet.Schema;
using PlacementEngine.Silo.AdoNet.Tests.Silos;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests;

public sealed class PostgresSchemaTests(PostgresFixture postgres) : FreshPostgresDatabase(postgres)
{
    [Fact]
    public async Task EnsurePostgres_FourSilosStartingAtOnceOnADatabaseWithJobs_AllSucceedAndTheJobsAreUntouched()
    {
        await ExecuteAsync("CREATE TABLE jobs (id text PRIMARY KEY); INSERT INTO jobs VALUES ('job-1')");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OrleansSchema.EnsurePostgresAsync(ConnectionString))));
        await OrleansSchema.EnsurePostgresAsync(ConnectionString);

        Assert.Equal("job-1", await ScalarAsync("SELECT string_agg(id, ',') FROM jobs"));
        Assert.Equal((long)PostgresOrleansSql.Queries.Count, await ScalarAsync("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task EnsurePostgres_AQueryTextChanged_IsRewrittenToThisVersion()
    {
        await OrleansSchema.EnsurePostgresAsync(ConnectionString);
        await ExecuteAsync("UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'MembershipReadAllKey'");

        await OrleansSchema.EnsurePostgresAsync(ConnectionString);

        Assert.Equal(PostgresOrleansSql.Queries["MembershipReadAllKey"], await ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'MembershipReadAllKey'"));
    }

    private async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public override Task DisposeAsync() => Task.CompletedTask;
}
