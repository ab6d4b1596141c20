using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// Commands with named parameters. Every value reaches SQLite as a parameter; the only SQL text built at run
/// time joins this project's own constants (column lists, stored state names, parameter names).
/// </summary>
internal static class SqlCommands
{
    // Statements the writer runs for every write, parsed once per connection rather than once per write.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = new();

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static SqliteCommand Command(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("the transaction has already ended");
        var command = connection.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ExecuteAsync"/>, on a command kept prepared for the transaction's connection. Only for the
    /// writer connection, whose writes run one at a time: a cached command must never be used by two at once.
    /// </summary>
    public static Task<int> ExecutePreparedAsync(this SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        PreparedIn(transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Like <see cref="ExecutePreparedAsync"/>, for a read inside the writer's transaction.</summary>
    public static Task<List<T>> QueryPreparedAsync<T>(this SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        PreparedIn(transaction, sql, parameters).ReadAllAsync(map, cancellationToken);

    /// <summary>
    /// A read on a command kept prepared for the connection: only on a reader the store's pool lends to one caller
    /// at a time (<see cref="SqliteDatabase.ReadAsync{T}"/>), outside any transaction. For the reads every watch and
    /// GetJob makes, where parsing the statement again each time was a tenth of the server's CPU.
    /// </summary>
    public static Task<List<T>> QueryPreparedAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        PreparedFor(connection, sql, parameters).ReadAllAsync(map, cancellationToken);

    private static SqliteCommand PreparedIn(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("the transaction has already ended");
        var command = PreparedFor(connection, sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    private static SqliteCommand PreparedFor(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var commands = Prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.Command(sql);
            commands.Add(sql, command);
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>"@p0, @p1, ..." with the values bound, for an IN list of a length known only at run time.</summary>
    public static (string List, (string Name, object? Value)[] Parameters) InList(string prefix, IEnumerable<string> values)
    {
        var parameters = values.Select((value, i) => ($"@{prefix}{i}", (object?)value)).ToArray();
        return (string.Join(", ", parameters.Select(p => p.Item1)), parameters);
    }
}
