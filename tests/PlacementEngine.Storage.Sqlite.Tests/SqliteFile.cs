using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Tests;

/// <summary>Looks into a store's file on a connection of its own, as an outsider would.</summary>
internal static class SqliteFile
{
    public static string? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
