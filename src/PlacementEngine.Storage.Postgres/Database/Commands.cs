using Npgsql;
using NpgsqlTypes;

namespace PlacementEngine.Storage.Postgres.Database;

/// <summary>
/// Commands with named parameters. Every value reaches PostgreSQL as a parameter; SQL text built at run time
/// joins only this project's own constants.
/// </summary>
internal static class Commands
{
    /// <summary>A jsonb parameter value: the stored JSON documents are written as text and typed on the way in.</summary>
    public static NpgsqlParameter Json(string name, string? json) =>
        new(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value };

    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        Bind(command.Parameters, parameters);
        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        Bind(command.Parameters, parameters);
        return command;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static DateTimeOffset GetInstant(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>timestamptz takes only UTC; the instant is kept, the offset is not (as in the embedded store).</summary>
    public static DateTimeOffset Utc(DateTimeOffset at) => at.ToUniversalTime();

    private static void Bind(NpgsqlParameterCollection target, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                target.Add(parameter);
            }
            else
            {
                target.AddWithValue(name, value switch
                {
                    null => DBNull.Value,
                    DateTimeOffset at => Utc(at),
                    _ => value,
                });
            }
        }
    }
}
