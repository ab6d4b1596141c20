using System.Globalization;
using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Database;

namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>Brings a database up to <see cref="Migrations.Latest"/>, forward only.</summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        )
        """;

    private const string RecordVersion = """
        INSERT INTO schema_version (version, description, applied_at)
        VALUES (@version, @description, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        """;

    /// <summary>
    /// Applies every missing step in one write transaction, so two processes opening the same new file
    /// migrate it once, and a failed step leaves the schema as it was.
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, CreateVersionTable);
        var current = CurrentVersion(transaction);
        if (current > Migrations.Latest)
        {
            // A newer build wrote this file; this one would misread what it does not know about.
            throw new InvalidOperationException(
                $"the database schema is at version {current} but this build knows versions up to {Migrations.Latest}; run a newer build");
        }
        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            Execute(transaction, migration.Sql);
            migration.Backfill?.Invoke(transaction);
            Execute(transaction, RecordVersion, ("@version", migration.Version), ("@description", migration.Description));
        }
        transaction.Commit();
    }

    private static int CurrentVersion(SqliteTransaction transaction)
    {
        using var command = transaction.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
