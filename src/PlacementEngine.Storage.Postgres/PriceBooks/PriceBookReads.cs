using System.Collections.ObjectModel;
using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.PriceBooks;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Postgres.PriceBooks;

/// <summary>Version listings and whole versions; a version is read in one repeatable-read transaction, so it is one snapshot.</summary>
internal static class PriceBookReads
{
    private const string SelectInfo = """
        SELECT b.version, b.created_by, b.created_at, b.comment, b.source, b.price_count, b.override_count,
               a.version IS NOT NULL, b.rows_version
        FROM price_books b LEFT JOIN price_book_active a ON a.version = b.version
        """;

    private const string SelectPrices = "SELECT cloud, region, instance_type, capacity_type, hourly FROM prices WHERE version = @version ORDER BY cloud, region, instance_type, capacity_type";

    private const string SelectEgress = "SELECT from_cloud, from_region, to_cloud, to_region, per_gb FROM egress WHERE version = @version ORDER BY from_cloud, from_region, to_cloud, to_region";

    private const string SelectBands = "SELECT cloud, region, instance_type, band FROM spot_bands WHERE version = @version ORDER BY cloud, region, instance_type";

    private const string SelectOverrides = """
        SELECT id, cloud, region, instance_family, instance_type, capacity_type, kind, value, comment, created_by, created_at
        FROM price_overrides WHERE version = @version ORDER BY seq
        """;

    public static async Task<IReadOnlyList<PriceBookInfo>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"{SelectInfo} ORDER BY b.version DESC");
        return await command.ReadAllAsync(ReadInfo, cancellationToken);
    }

    public static async Task<long?> ActiveVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT version FROM price_book_active WHERE singleton = 1");
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    /// <summary>The version and the version its rows are stored under; null when it does not exist.</summary>
    public static async Task<(StoredPriceBook Book, long RowsVersion)?> GetAsync(NpgsqlConnection connection, long version, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = connection.Command($"{SelectInfo} WHERE b.version = @version", ("version", version));
        var found = await command.ReadAllAsync(row => (Info: ReadInfo(row), RowsVersion: row.GetInt64(8)), cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }
        var (info, rowsVersion) = found[0];
        var names = new StoredNameCache();
        var prices = await ReadAsync(connection, SelectPrices, rowsVersion, row => new PriceEntry(
            new PriceKey(names.Cloud(row.GetString(0)), names.Name(row.GetString(1)), names.Name(row.GetString(2)), names.Capacity(row.GetString(3))),
            Money.Of(row.GetDecimal(4))), cancellationToken);
        var egress = await ReadAsync(connection, SelectEgress, rowsVersion, row => new EgressEntry(
            new RegionId(names.Cloud(row.GetString(0)), names.Name(row.GetString(1))),
            new RegionId(names.Cloud(row.GetString(2)), names.Name(row.GetString(3))),
            Money.Of(row.GetDecimal(4))), cancellationToken);
        var bands = await ReadAsync(connection, SelectBands, rowsVersion, row => new SpotBandEntry(
            names.Cloud(row.GetString(0)), names.Name(row.GetString(1)), names.Name(row.GetString(2)), row.GetInt32(3)), cancellationToken);
        var overrides = await ReadAsync(connection, SelectOverrides, version, ReadOverride, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (new StoredPriceBook(info, new PriceCatalogData(prices, egress, bands), overrides), rowsVersion);
    }

    private static PriceOverride ReadOverride(NpgsqlDataReader row) => new(
        row.GetString(0),
        new OverrideSelector(
            row.GetNullableString(1) is { } cloud ? StoredNames.ParseCloud(cloud) : null,
            row.GetNullableString(2),
            row.GetNullableString(3),
            row.GetNullableString(4),
            row.GetNullableString(5) is { } capacity ? StoredNames.ParseCapacityType(capacity) : null),
        OverrideKindNames.Parse(row.GetString(6)),
        row.GetDecimal(7),
        row.GetString(8),
        row.GetString(9),
        row.GetInstant(10));

    private static PriceBookInfo ReadInfo(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetInstant(2),
        row.GetString(3),
        row.GetString(4),
        row.GetInt32(5),
        row.GetInt32(6),
        row.GetBoolean(7));

    /// <summary>Read-only wrappers nobody else holds: the store recognises this exact data when it comes back for an override-only version.</summary>
    private static async Task<ReadOnlyCollection<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, long version, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, ("version", version));
        return (await command.ReadAllAsync(map, cancellationToken)).AsReadOnly();
    }
}
