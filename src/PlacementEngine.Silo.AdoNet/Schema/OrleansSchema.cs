using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PlacementEngine.Silo.AdoNet.Schema;

/// <summary>
/// Creates Orleans' tables and stores the named queries its ADO.NET providers read, when missing. Safe to run on
/// every start and by several silos at once: existing tables and rows of other tables are left alone, and the
/// queries are rewritten to this version's text.
/// </summary>
public static class OrleansSchema
{
    // Any fixed number works: it only has to be the same in every silo and unused by other code on the database.
    private const long PostgresSchemaLock = 0x504C_4F52_4C45_414E;

    /// <summary>The reminder table and its queries in the embedded SQLite file; other tables in the file are untouched.</summary>
    public static async Task EnsureSqliteAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: takes the write lock first, so two processes creating the tables queue instead of failing.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(connection, transaction, SqliteOrleansSql.Tables, SqliteOrleansSql.Queries, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Membership and reminder tables and their queries on PostgreSQL.</summary>
    public static async Task EnsurePostgresAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // CREATE TABLE IF NOT EXISTS still fails with a duplicate key when two sessions create the same table at once:
        // silos starting together take turns on a transaction-scoped advisory lock.
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchemaLock})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await WriteAsync(connection, transaction, PostgresOrleansSql.Tables, PostgresOrleansSql.Queries, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(
        DbConnection connection, DbTransaction transaction, string tables, IReadOnlyDictionary<string, string> queries, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = tables;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var (key, text) in queries)
        {
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = PortableOrleansSql.UpsertQuery;
            AddParameter(upsert, "key", key);
            AddParameter(upsert, "text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
