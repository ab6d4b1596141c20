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

    // An attempt is charged its actual cost once it ended (summed per team in team_spend as attempts end), and its
    // expected cost while its job still holds the capacity. An attempt left open by a job that moved on without
    // ending it is charged nothing.
    private const string SelectEndedCosts = "SELECT team, ended_cost FROM team_spend";

    private static readonly string SelectHeldCosts = $"""
        SELECT j.team, a.expected_cost
        FROM jobs j JOIN attempts a ON a.job_id = j.id AND a.attempt = j.attempt
        WHERE j.state IN ({JobRows.HoldingCapacityStates}) AND a.ended_at IS NULL
        """;

    private const string SelectTeamEnded = "SELECT ended_cost FROM team_spend WHERE team = @team";

    private const string UpsertTeamEnded = "INSERT OR REPLACE INTO team_spend (team, ended_cost) VALUES (@team, @ended_cost)";

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

    /// <summary>Only teams with at least one charged attempt appear. Both reads see one snapshot, so an attempt ending between them is counted once.</summary>
    public static async Task<IReadOnlyDictionary<string, Money>> TeamChargesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var snapshot = connection.BeginTransaction(deferred: true);
        var charges = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var sql in new[] { SelectEndedCosts, SelectHeldCosts })
        {
            using var command = snapshot.Command(sql);
            var rows = await command.ReadAllAsync(row => (Team: row.GetString(0), Cost: StoredText.ParseMoney(row.GetString(1))), cancellationToken);
            foreach (var (team, cost) in rows)
            {
                charges[team] = charges.GetValueOrDefault(team) + cost;
            }
        }
        return charges;
    }

    /// <summary>Adds an attempt that just ended to its team's spend, inside the writer's transaction that ended it.</summary>
    public static async Task AddEndedCostAsync(SqliteTransaction transaction, string team, Money cost, CancellationToken cancellationToken)
    {
        var stored = await transaction.QueryPreparedAsync(SelectTeamEnded, row => StoredText.ParseMoney(row.GetString(0)), cancellationToken, ("@team", team));
        var total = (stored.Count == 0 ? Money.Zero : stored[0]) + cost;
        await transaction.ExecutePreparedAsync(UpsertTeamEnded, cancellationToken, ("@team", team), ("@ended_cost", StoredText.FormatMoney(total)));
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
