using System.Globalization;
using Npgsql;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>Reads the database behind a store's back, to check what it stored rather than what it says.</summary>
internal static class DirectSql
{
    public static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
