using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.PriceBooks;

namespace PlacementEngine.Storage.Postgres.PriceBooks;

/// <summary>
/// Adding versions and moving the active pointer. Writers lock the price_books table against each other
/// (readers go on), so silos importing at once get consecutive version numbers instead of a key clash.
/// </summary>
internal static class PriceBookWrites
{
    private const string LockBooks = "LOCK TABLE price_books IN EXCLUSIVE MODE";

    private const string InsertBook = """
        INSERT INTO price_books (version, created_by, created_at, comment, source, price_count, override_count, rows_version)
        VALUES (@version, @created_by, @created_at, @comment, @source, @price_count, @override_count, @rows_version)
        """;

    private const string SetActive = """
        INSERT INTO price_book_active (singleton, version, activated_by, activated_at) VALUES (1, @version, @by, @at)
        ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, activated_by = excluded.activated_by, activated_at = excluded.activated_at;
        INSERT INTO price_book_activations (version, activated_by, activated_at) VALUES (@version, @by, @at)
        """;

    /// <summary>
    /// Adds the next version; it becomes active when asked, and also when none is active yet (exactly one is
    /// active once any exists). Returns the version and the version its rows are stored under.
    /// </summary>
    public static async Task<(PriceBookInfo Info, long RowsVersion)> CreateAsync(NpgsqlDataSource dataSource, NewPriceBook book, CancellationToken cancellationToken)
    {
        PriceRowWrites.ThrowIfDuplicated(book.Data, book.Overrides, rowsAreNew: book.SharedRowsVersion is null);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(LockBooks, cancellationToken);
        var version = await connection.ScalarAsync<long>("SELECT COALESCE(MAX(version), 0) + 1 FROM price_books", cancellationToken);
        var rowsVersion = book.SharedRowsVersion ?? version;
        await connection.ExecuteAsync(InsertBook, cancellationToken,
            ("version", version),
            ("created_by", book.CreatedBy),
            ("created_at", book.At),
            ("comment", book.Comment),
            ("source", book.Source),
            ("price_count", book.Data.Prices.Count),
            ("override_count", book.Overrides.Count),
            ("rows_version", rowsVersion));
        if (book.SharedRowsVersion is null)
        {
            await PriceRowWrites.CopyDataAsync(connection, version, book.Data, cancellationToken);
        }
        await PriceRowWrites.CopyOverridesAsync(connection, version, book.Overrides, cancellationToken);
        var activate = book.Activate || await connection.ScalarAsync<long>("SELECT COUNT(*) FROM price_book_active", cancellationToken) == 0;
        if (activate)
        {
            await connection.ExecuteAsync(SetActive, cancellationToken, ("version", version), ("by", book.CreatedBy), ("at", book.At));
        }
        await transaction.CommitAsync(cancellationToken);
        var info = new PriceBookInfo(version, book.CreatedBy, Commands.Utc(book.At), book.Comment, book.Source, book.Data.Prices.Count, book.Overrides.Count, activate);
        return (info, rowsVersion);
    }

    /// <summary>False when the version does not exist.</summary>
    public static async Task<bool> TryActivateAsync(NpgsqlDataSource dataSource, long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(LockBooks, cancellationToken);
        if (await connection.ScalarAsync<long>("SELECT COUNT(*) FROM price_books WHERE version = @version", cancellationToken, ("version", version)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(SetActive, cancellationToken, ("version", version), ("by", by), ("at", at));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
