using System.Globalization;
using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>What a new version is made of, and where its rows come from: its own import, or an earlier version's rows.</summary>
internal sealed record NewPriceBook(
    PriceCatalogData Data,
    long? SharedRowsVersion,
    IReadOnlyList<PriceOverride> Overrides,
    string CreatedBy,
    string Comment,
    string Source,
    bool Activate,
    DateTimeOffset At)
{
    /// <summary>The store's CreateAsync arguments, checked the same way by every store that shares this record.</summary>
    public static NewPriceBook Checked(
        PriceCatalogData data, long? sharedRowsVersion, IReadOnlyList<PriceOverride> overrides,
        string createdBy, string comment, string source, bool activate, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(createdBy);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(source);
        return new NewPriceBook(data, sharedRowsVersion, overrides, createdBy, comment, source, activate, at);
    }
}

/// <summary>Adding versions and moving the active pointer, each inside the caller's write transaction.</summary>
internal static class PriceBookWrites
{
    private const string InsertBook = """
        INSERT INTO price_books (version, created_by, created_at, comment, source, price_count, override_count, rows_version)
        VALUES (@version, @created_by, @created_at, @comment, @source, @price_count, @override_count, @rows_version)
        """;

    private const string InsertOverride = """
        INSERT INTO price_overrides (version, seq, id, cloud, region, instance_family, instance_type, capacity_type,
                                     kind, value, comment, created_by, created_at)
        VALUES (@version, @seq, @id, @cloud, @region, @instance_family, @instance_type, @capacity_type,
                @kind, @value, @comment, @created_by, @created_at)
        """;

    private const string SetActive = """
        INSERT INTO price_book_active (singleton, version, activated_by, activated_at) VALUES (1, @version, @by, @at)
        ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, activated_by = excluded.activated_by, activated_at = excluded.activated_at
        """;

    private const string LogActivation = """
        INSERT INTO price_book_activations (version, activated_by, activated_at) VALUES (@version, @by, @at)
        """;

    /// <summary>
    /// Adds the next version. It becomes active when asked, and also when no version is active yet: the store
    /// promises exactly one active version once any exists.
    /// </summary>
    public static async Task<(PriceBookInfo Info, long RowsVersion)> CreateAsync(SqliteTransaction transaction, NewPriceBook book, CancellationToken cancellationToken)
    {
        var version = await ScalarAsync(transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM price_books", cancellationToken);
        var rowsVersion = book.SharedRowsVersion ?? version;
        await transaction.ExecuteAsync(InsertBook, cancellationToken,
            ("@version", version),
            ("@created_by", book.CreatedBy),
            ("@created_at", StoredText.FormatInstant(book.At)),
            ("@comment", book.Comment),
            ("@source", book.Source),
            ("@price_count", book.Data.Prices.Count),
            ("@override_count", book.Overrides.Count),
            ("@rows_version", rowsVersion));
        if (book.SharedRowsVersion is null)
        {
            PriceRowWrites.InsertAll(transaction, version, book.Data, cancellationToken);
        }
        InsertOverrides(transaction, version, book.Overrides, cancellationToken);

        var activate = book.Activate || await ScalarAsync(transaction, "SELECT COUNT(*) FROM price_book_active", cancellationToken) == 0;
        if (activate)
        {
            await ActivateAsync(transaction, version, book.CreatedBy, book.At, cancellationToken);
        }
        var info = new PriceBookInfo(version, book.CreatedBy, Utc(book.At), book.Comment, book.Source, book.Data.Prices.Count, book.Overrides.Count, activate);
        return (info, rowsVersion);
    }

    /// <summary>False when the version does not exist.</summary>
    public static async Task<bool> TryActivateAsync(SqliteTransaction transaction, long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var exists = transaction.Command("SELECT COUNT(*) FROM price_books WHERE version = @version", ("@version", version));
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }
        await ActivateAsync(transaction, version, by, at, cancellationToken);
        return true;
    }

    private static async Task ActivateAsync(SqliteTransaction transaction, long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        (string, object?)[] values = [("@version", version), ("@by", by), ("@at", StoredText.FormatInstant(at))];
        await transaction.ExecuteAsync(SetActive, cancellationToken, values);
        await transaction.ExecuteAsync(LogActivation, cancellationToken, values);
    }

    private static void InsertOverrides(SqliteTransaction transaction, long version, IReadOnlyList<PriceOverride> overrides, CancellationToken cancellationToken)
    {
        using var insert = new BulkInsert(transaction, InsertOverride, cancellationToken,
            "@version", "@seq", "@id", "@cloud", "@region", "@instance_family", "@instance_type", "@capacity_type",
            "@kind", "@value", "@comment", "@created_by", "@created_at");
        for (var seq = 0; seq < overrides.Count; seq++)
        {
            var o = overrides[seq];
            var selector = o.Selector;
            try
            {
                insert.Row(
                    version,
                    seq + 1,
                    o.Id,
                    selector.Cloud is { } cloud ? StoredNames.Of(cloud) : null,
                    selector.Region,
                    selector.InstanceFamily,
                    selector.InstanceType,
                    selector.CapacityType is { } capacity ? StoredNames.Of(capacity) : null,
                    OverrideKindNames.Of(o.Kind),
                    StoredText.FormatDecimal(o.Value),
                    o.Comment,
                    o.CreatedBy,
                    StoredText.FormatInstant(o.CreatedAt));
            }
            catch (SqliteException e) when (DuplicateKeys.IsDuplicate(e))
            {
                throw DuplicateKeys.Error("overrides", $"override id '{o.Id}'", e);
            }
        }
    }

    private static async Task<long> ScalarAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = transaction.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>What a read would return: the stored text keeps the instant, not the offset.</summary>
    private static DateTimeOffset Utc(DateTimeOffset at) => StoredText.ParseInstant(StoredText.FormatInstant(at));
}
