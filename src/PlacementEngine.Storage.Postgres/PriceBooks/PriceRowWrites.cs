using Npgsql;
using NpgsqlTypes;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.PriceBooks;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Postgres.PriceBooks;

/// <summary>
/// A version's rows, written with binary COPY: 88,000 prices in one stream rather than one statement each.
/// COPY stops at the first key clash without saying which row it was, so duplicates are found before it starts
/// and named in the error; the primary keys remain the last word.
/// </summary>
internal static class PriceRowWrites
{
    public static void ThrowIfDuplicated(PriceCatalogData data, IReadOnlyList<PriceOverride> overrides, bool rowsAreNew)
    {
        if (rowsAreNew)
        {
            FirstTwice(data.Prices, p => p.Key, p => $"price {p.Key}", "data");
            FirstTwice(data.Egress, e => (e.From, e.To), e => $"egress {e.From} -> {e.To}", "data");
            FirstTwice(data.SpotBands, b => (b.Cloud, b.Region, b.InstanceType), b => $"spot band {b.Cloud.ToWire()}:{b.Region}/{b.InstanceType}", "data");
        }
        FirstTwice(overrides, o => o.Id, o => $"override id '{o.Id}'", "overrides");
    }

    public static async Task CopyDataAsync(NpgsqlConnection connection, long version, PriceCatalogData data, CancellationToken cancellationToken)
    {
        await CopyAsync(connection, "prices (version, cloud, region, instance_type, capacity_type, hourly)", data.Prices, async (w, p) =>
        {
            await w.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
            await w.WriteAsync(StoredNames.Of(p.Key.Cloud), NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Key.Region, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Key.InstanceType, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(StoredNames.Of(p.Key.CapacityType), NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Hourly.Dollars, NpgsqlDbType.Numeric, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "egress (version, from_cloud, from_region, to_cloud, to_region, per_gb)", data.Egress, async (w, e) =>
        {
            await w.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
            await w.WriteAsync(StoredNames.Of(e.From.Cloud), NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(e.From.Name, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(StoredNames.Of(e.To.Cloud), NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(e.To.Name, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(e.PerGb.Dollars, NpgsqlDbType.Numeric, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "spot_bands (version, cloud, region, instance_type, band)", data.SpotBands, async (w, b) =>
        {
            await w.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
            await w.WriteAsync(StoredNames.Of(b.Cloud), NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(b.Region, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(b.InstanceType, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(b.Band, NpgsqlDbType.Integer, cancellationToken);
        }, cancellationToken);
    }

    public static async Task CopyOverridesAsync(NpgsqlConnection connection, long version, IReadOnlyList<PriceOverride> overrides, CancellationToken cancellationToken)
    {
        var seq = 0;
        const string Columns = "price_overrides (version, seq, id, cloud, region, instance_family, instance_type, capacity_type, kind, value, comment, created_by, created_at)";
        await CopyAsync(connection, Columns, overrides, async (w, o) =>
        {
            var selector = o.Selector;
            await w.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
            await w.WriteAsync(++seq, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync(o.Id, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(selector.Cloud is { } cloud ? StoredNames.Of(cloud) : null, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(selector.Region, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(selector.InstanceFamily, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(selector.InstanceType, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(selector.CapacityType is { } capacity ? StoredNames.Of(capacity) : null, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(OverrideKindNames.Of(o.Kind), NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(o.Value, NpgsqlDbType.Numeric, cancellationToken);
            await w.WriteAsync(o.Comment, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(o.CreatedBy, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(o.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await write(importer, row);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static void FirstTwice<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, Func<T, string> name, string parameter)
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        foreach (var row in rows)
        {
            if (!seen.Add(key(row)))
            {
                throw new ArgumentException($"{name(row)} appears more than once; nothing was stored", parameter);
            }
        }
    }
}
