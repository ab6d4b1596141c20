using System.Collections.ObjectModel;
using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>
/// A version's rows, in primary key order. The lists are read-only wrappers nobody else holds, which is what
/// lets the store recognise this exact data when it comes back for an override-only version.
/// </summary>
internal static class PriceRowReads
{
    private const string SelectPrices = """
        SELECT cloud, region, instance_type, capacity_type, hourly FROM prices WHERE version = @version
        ORDER BY cloud, region, instance_type, capacity_type
        """;

    private const string SelectEgress = """
        SELECT from_cloud, from_region, to_cloud, to_region, per_gb FROM egress WHERE version = @version
        ORDER BY from_cloud, from_region, to_cloud, to_region
        """;

    private const string SelectBands = """
        SELECT cloud, region, instance_type, band FROM spot_bands WHERE version = @version
        ORDER BY cloud, region, instance_type
        """;

    private const string SelectOverrides = """
        SELECT id, cloud, region, instance_family, instance_type, capacity_type, kind, value, comment, created_by, created_at
        FROM price_overrides WHERE version = @version ORDER BY seq
        """;

    public static async Task<PriceCatalogData> DataAsync(SqliteTransaction transaction, long rowsVersion, CancellationToken cancellationToken)
    {
        var names = new StoredNameCache();
        var prices = await ReadAsync(transaction, SelectPrices, rowsVersion, row => new PriceEntry(
            new PriceKey(names.Cloud(row.GetString(0)), names.Name(row.GetString(1)), names.Name(row.GetString(2)), names.Capacity(row.GetString(3))),
            StoredText.ParseMoney(row.GetString(4))), cancellationToken);
        var egress = await ReadAsync(transaction, SelectEgress, rowsVersion, row => new EgressEntry(
            new RegionId(names.Cloud(row.GetString(0)), names.Name(row.GetString(1))),
            new RegionId(names.Cloud(row.GetString(2)), names.Name(row.GetString(3))),
            StoredText.ParseMoney(row.GetString(4))), cancellationToken);
        var bands = await ReadAsync(transaction, SelectBands, rowsVersion, row => new SpotBandEntry(
            names.Cloud(row.GetString(0)), names.Name(row.GetString(1)), names.Name(row.GetString(2)), row.GetInt32(3)), cancellationToken);
        return new PriceCatalogData(prices, egress, bands);
    }

    public static Task<ReadOnlyCollection<PriceOverride>> OverridesAsync(SqliteTransaction transaction, long version, CancellationToken cancellationToken) =>
        ReadAsync(transaction, SelectOverrides, version, row => new PriceOverride(
            row.GetString(0),
            new OverrideSelector(
                row.GetNullableString(1) is { } cloud ? StoredNames.ParseCloud(cloud) : null,
                row.GetNullableString(2),
                row.GetNullableString(3),
                row.GetNullableString(4),
                row.GetNullableString(5) is { } capacity ? StoredNames.ParseCapacityType(capacity) : null),
            OverrideKindNames.Parse(row.GetString(6)),
            StoredText.ParseDecimal(row.GetString(7)),
            row.GetString(8),
            row.GetString(9),
            StoredText.ParseInstant(row.GetString(10))), cancellationToken);

    private static async Task<ReadOnlyCollection<T>> ReadAsync<T>(
        SqliteTransaction transaction, string sql, long version, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        using var command = transaction.Command(sql, ("@version", version));
        return (await command.ReadAllAsync(map, cancellationToken)).AsReadOnly();
    }
}
