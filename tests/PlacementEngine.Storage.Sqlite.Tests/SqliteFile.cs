using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Tests;

/// <summary>Looks into a store's file on a connection of its own, as an outsider would.</summary>
internal static class SqliteFile
{
    public static string? Scalar(string path, string sql) =>
        On(path, sql, command => Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Each row's columns as text.</summary>
    public static List<string[]> Rows(string path, string sql) => On(path, sql, command =>
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return rows;
    });

    private static T On<T>(string path, string sql, Func<SqliteCommand, T> use)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return use(command);
    }
}
