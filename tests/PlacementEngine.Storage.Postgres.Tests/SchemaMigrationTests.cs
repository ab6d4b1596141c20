using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>The schema is created and migrated by whichever silo starts first, once, however many start together.</summary>
public sealed class SchemaMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly OpenedStores _stores = new(postgres);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task OpenAsync_SeveralSilosStartingTogetherOnAnEmptyDatabase_MigrateItOnce()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _stores.OpenAsync(connectionString))));

        Assert.Equal("1,2,3", await DirectSql.ScalarAsync(connectionString, "SELECT string_agg(version::text, ',' ORDER BY version) FROM placement.schema_version"));
    }

    [Fact]
    public async Task OpenAsync_SchemaWrittenByANewerBuild_RefusesNamingBothVersions()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await _stores.OpenAsync(connectionString);
        await DirectSql.ScalarAsync(connectionString, "INSERT INTO placement.schema_version (version, description) VALUES (99, 'from the future') RETURNING version");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresStores.OpenAsync(connectionString));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Host=127.0.0.1;Nonsense Key=1", "cannot be read")]
    [InlineData("Database=placement", "no Host")]
    public async Task OpenAsync_BadConnectionString_ThrowsNamingTheProblem(string connectionString, string problem)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgresStores.OpenAsync(connectionString));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
