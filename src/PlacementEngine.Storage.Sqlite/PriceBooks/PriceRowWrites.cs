using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>An import's prices, egress rates and spot bands, written under one version with prepared inserts.</summary>
internal static class PriceRowWrites
{
    private const string InsertPrice = """
        INSERT INTO prices (version, cloud, region, instance_type, capacity_type, hourly)
        VALUES (@version, @cloud, @region, @instance_type, @capacity_type, @hourly)
        """;

    private const string InsertEgress = """
        INSERT INTO egress (version, from_cloud, from_region, to_cloud, to_region, per_gb)
        VALUES (@version, @from_cloud, @from_region, @to_cloud, @to_region, @per_gb)
        """;

    private const string InsertBand = """
        INSERT INTO spot_bands (version, cloud, region, instance_type, band)
        VALUES (@version, @cloud, @region, @instance_type, @band)
        """;

    public static void InsertAll(SqliteTransaction transaction, long version, PriceCatalogData data, CancellationToken cancellationToken)
    {
        InsertPrices(transaction, version, data.Prices, cancellationToken);
        InsertEgressRates(transaction, version, data.Egress, cancellationToken);
        InsertSpotBands(transaction, version, data.SpotBands, cancellationToken);
    }

    private static void InsertPrices(SqliteTransaction transaction, long version, IReadOnlyList<PriceEntry> prices, CancellationToken cancellationToken)
    {
        using var insert = new BulkInsert(transaction, InsertPrice, cancellationToken,
            "@version", "@cloud", "@region", "@instance_type", "@capacity_type", "@hourly");
        foreach (var (key, hourly) in prices)
        {
            try
            {
                insert.Row(version, StoredNames.Of(key.Cloud), key.Region, key.InstanceType, StoredNames.Of(key.CapacityType), StoredText.FormatMoney(hourly));
            }
            catch (SqliteException e) when (DuplicateKeys.IsDuplicate(e))
            {
                throw DuplicateKeys.Error("data", $"price {key}", e);
            }
        }
    }

    private static void InsertEgressRates(SqliteTransaction transaction, long version, IReadOnlyList<EgressEntry> egress, CancellationToken cancellationToken)
    {
        using var insert = new BulkInsert(transaction, InsertEgress, cancellationToken,
            "@version", "@from_cloud", "@from_region", "@to_cloud", "@to_region", "@per_gb");
        foreach (var (from, to, perGb) in egress)
        {
            try
            {
                insert.Row(version, StoredNames.Of(from.Cloud), from.Name, StoredNames.Of(to.Cloud), to.Name, StoredText.FormatMoney(perGb));
            }
            catch (SqliteException e) when (DuplicateKeys.IsDuplicate(e))
            {
                throw DuplicateKeys.Error("data", $"egress {from} -> {to}", e);
            }
        }
    }

    private static void InsertSpotBands(SqliteTransaction transaction, long version, IReadOnlyList<SpotBandEntry> bands, CancellationToken cancellationToken)
    {
        using var insert = new BulkInsert(transaction, InsertBand, cancellationToken,
            "@version", "@cloud", "@region", "@instance_type", "@band");
        foreach (var (cloud, region, instanceType, band) in bands)
        {
            try
            {
                insert.Row(version, StoredNames.Of(cloud), region, instanceType, band);
            }
            catch (SqliteException e) when (DuplicateKeys.IsDuplicate(e))
            {
                throw DuplicateKeys.Error("data", $"spot band {cloud.ToWire()}:{region}/{instanceType}", e);
            }
        }
    }
}
