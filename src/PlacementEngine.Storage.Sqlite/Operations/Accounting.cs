using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>
/// Capacity held and money spent. Amounts are stored as decimal text, so they are summed here in decimal
/// rather than by SQLite's SUM, which would go through floating point.
/// </summary>
internal static class Accounting
{
    private static readonly string SelectNodesHeld = $"""
        SELECT placement_pool, SUM(placement_nodes) FROM jobs
        WHERE state IN ({JobRows.HoldingCapacityStates}) AND placement_pool IS NOT NULL
        GROUP BY placement_pool
        """;

    private const string SelectSpend = """
        SELECT j.team, a.cloud, a.region, a.cluster, a.capacity_type, a.actual_cost
        FROM attempts a JOIN jobs j ON j.id = a.job_id
        WHERE a.ended_at IS NOT NULL
        """;

    /// <summary>Only pools where some job holds nodes appear.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> NodesHeldAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.Command(SelectNodesHeld);
        var rows = await command.ReadAllAsync(row => (Pool: row.GetString(0), Nodes: row.GetInt32(1)), cancellationToken);
        return rows.ToDictionary(r => r.Pool, r => r.Nodes, StringComparer.Ordinal);
    }

    /// <summary>One row per (team, cloud, region, cluster, capacity type) that has spent anything, sorted by those.</summary>
    public static async Task<IReadOnlyList<SpendRow>> SpendAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.Command(SelectSpend);
        var rows = await command.ReadAllAsync(row => (
            Where: new SpendKey(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4)),
            Cost: StoredText.ParseMoney(row.GetString(5))), cancellationToken);
        var totals = new Dictionary<SpendKey, Money>();
        foreach (var (where, cost) in rows)
        {
            totals[where] = totals.GetValueOrDefault(where) + cost;
        }
        return [.. totals
            .OrderBy(t => t.Key.Team, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Cloud, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Region, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Cluster, StringComparer.Ordinal)
            .ThenBy(t => t.Key.CapacityType, StringComparer.Ordinal)
            .Select(t => new SpendRow(
                t.Key.Team,
                StoredNames.ParseCloud(t.Key.Cloud),
                t.Key.Region,
                t.Key.Cluster,
                StoredNames.ParseCapacityType(t.Key.CapacityType),
                t.Value))];
    }

    private readonly record struct SpendKey(string Team, string Cloud, string Region, string Cluster, string CapacityType);
}
