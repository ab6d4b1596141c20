using System.Globalization;
using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>Version listings and whole versions, each read in one transaction so it is one consistent snapshot.</summary>
internal static class PriceBookReads
{
    private const string SelectInfo = """
        SELECT b.version, b.created_by, b.created_at, b.comment, b.source, b.price_count, b.override_count,
               a.version IS NOT NULL, b.rows_version
        FROM price_books b LEFT JOIN price_book_active a ON a.version = b.version
        """;

    public static async Task<IReadOnlyList<PriceBookInfo>> ListAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"{SelectInfo} ORDER BY b.version DESC");
        return await command.ReadAllAsync(ReadInfo, cancellationToken);
    }

    public static async Task<long?> ActiveVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.Command("SELECT version FROM price_book_active WHERE singleton = 1");
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The version and the version its rows are stored under; null when it does not exist.</summary>
    public static async Task<(StoredPriceBook Book, long RowsVersion)?> GetAsync(SqliteConnection connection, long version, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = transaction.Command($"{SelectInfo} WHERE b.version = @version", ("@version", version));
        var found = await command.ReadAllAsync(row => (Info: ReadInfo(row), RowsVersion: row.GetInt64(8)), cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }
        var (info, rowsVersion) = found[0];
        var data = await PriceRowReads.DataAsync(transaction, rowsVersion, cancellationToken);
        var overrides = await PriceRowReads.OverridesAsync(transaction, version, cancellationToken);
        transaction.Commit();
        return (new StoredPriceBook(info, data, overrides), rowsVersion);
    }

    private static PriceBookInfo ReadInfo(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        StoredText.ParseInstant(row.GetString(2)),
        row.GetString(3),
        row.GetString(4),
        row.GetInt32(5),
        row.GetInt32(6),
        row.GetBoolean(7));
}
