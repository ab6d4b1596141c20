using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>Capacity held and money spent, summed by PostgreSQL in numeric, which is exact and keeps the scale.</summary>
internal static class Accounting
{
    private const string SelectNodesHeld = """
        SELECT placement_pool, SUM(placement_nodes) FROM jobs
        WHERE state = ANY(@holding) AND placement_pool IS NOT NULL
        GROUP BY placement_pool
        """;

    // An attempt is charged its actual cost once it ended (summed per team in team_spend as attempts end), and its
    // expected cost while its job still holds the capacity. An attempt left open by a job that moved on without
    // ending it is charged nothing. One statement, so one snapshot: an attempt ending meanwhile counts once.
    private const string SelectCharges = """
        SELECT team, SUM(cost) FROM (
            SELECT team, ended_cost AS cost FROM team_spend
            UNION ALL
            SELECT j.team, a.expected_cost
            FROM jobs j JOIN attempts a ON a.job_id = j.id AND a.attempt = j.attempt
            WHERE j.state = ANY(@holding) AND a.ended_at IS NULL
        ) charged
        GROUP BY team
        """;

    private const string SelectSpend = """
        SELECT j.team COLLATE "C" AS team, a.cloud, a.region, a.cluster, a.capacity_type, SUM(a.actual_cost)
        FROM attempts a JOIN jobs j ON j.id = a.job_id
        WHERE a.ended_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5
        """;

    public static async Task<IReadOnlyDictionary<string, int>> NodesHeldAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(SelectNodesHeld, ("holding", JobRows.HoldingStates));
        var rows = await command.ReadAllAsync(row => (Pool: row.GetString(0), Nodes: row.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(r => r.Pool, r => (int)r.Nodes, StringComparer.Ordinal);
    }

    public static async Task<IReadOnlyDictionary<string, Money>> TeamChargesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(SelectCharges, ("holding", JobRows.HoldingStates));
        var rows = await command.ReadAllAsync(row => (Team: row.GetString(0), Cost: Money.Of(row.GetDecimal(1))), cancellationToken);
        return rows.ToDictionary(r => r.Team, r => r.Cost, StringComparer.Ordinal);
    }

    /// <summary>One row per (team, cloud, region, cluster, capacity type) that has spent anything, sorted by those.</summary>
    public static async Task<IReadOnlyList<SpendRow>> SpendAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(SelectSpend);
        return await command.ReadAllAsync(row => new SpendRow(
            row.GetString(0),
            StoredNames.ParseCloud(row.GetString(1)),
            row.GetString(2),
            row.GetString(3),
            StoredNames.ParseCapacityType(row.GetString(4)),
            Money.Of(row.GetDecimal(5))), cancellationToken);
    }
}
