using Npgsql;
using PlacementEngine.Storage.Postgres.Database;

namespace PlacementEngine.Storage.Postgres.Schema;

/// <summary>
/// Brings the store's schema (its own PostgreSQL schema, <see cref="PostgresStores.SchemaName"/>) up to the
/// latest version, forward only, at start-up. Every silo runs this: a transaction-scoped advisory lock makes
/// silos starting together migrate one after another, and each step commits with its schema_version row, so
/// a step is applied exactly once and a failed one leaves the schema as it was.
/// </summary>
internal static class SchemaMigrator
{
    // An arbitrary constant that names this lock among the database's advisory locks ("PEschema" in ASCII).
    private const long MigrationLockKey = 0x5045736368656D61;

    private static readonly (int Version, string Description, string Sql)[] Steps =
    [
        (1, "jobs, transitions, attempts and pools", Migration0001Jobs.Sql),
        (2, "price books", Migration0002PriceBooks.Sql),
        (3, "team spend", Migration0003TeamSpend.Sql),
    ];

    public static int Latest => Steps[^1].Version;

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey));
        await connection.ExecuteAsync($"""
            CREATE SCHEMA IF NOT EXISTS {PostgresStores.SchemaName};
            CREATE TABLE IF NOT EXISTS {PostgresStores.SchemaName}.schema_version (
                version     integer     NOT NULL PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        var current = await connection.ScalarAsync<int>($"SELECT COALESCE(MAX(version), 0) FROM {PostgresStores.SchemaName}.schema_version", cancellationToken);
        if (current > Latest)
        {
            // A newer build wrote this schema; this one would misread what it does not know about.
            throw new InvalidOperationException(
                $"the database schema is at version {current} but this build knows versions up to {Latest}; run a newer build");
        }
        foreach (var (version, description, sql) in Steps.Where(s => s.Version > current))
        {
            await connection.ExecuteAsync(sql, cancellationToken);
            await connection.ExecuteAsync($"INSERT INTO {PostgresStores.SchemaName}.schema_version (version, description) VALUES (@version, @description)",
                cancellationToken, ("version", version), ("description", description));
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
