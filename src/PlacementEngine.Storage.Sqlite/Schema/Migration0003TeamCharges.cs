using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>
/// What each team is charged, kept by the writer as attempts start and end and jobs stop holding capacity, so a
/// cycle reads a team's charges from one row instead of summing attempts: summing every attempt ever made grew with
/// the store's history, and even the held ones alone took a tenth of a second per cycle at 8,000 running jobs.
/// ended_cost: the actual cost of the team's ended attempts; held_cost: the expected cost of the open current
/// attempts of its jobs that hold capacity. Money is decimal text, as everywhere.
/// </summary>
internal static class Migration0003TeamCharges
{
    public const string Sql = """
        CREATE TABLE team_charges (
            team        TEXT NOT NULL PRIMARY KEY,
            ended_cost  TEXT NOT NULL,
            held_cost   TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    private const string SelectEnded = """
        SELECT j.team, a.actual_cost FROM attempts a JOIN jobs j ON j.id = a.job_id WHERE a.ended_at IS NOT NULL
        """;

    private static readonly string SelectHeld = $"""
        SELECT j.team, a.expected_cost
        FROM jobs j JOIN attempts a ON a.job_id = j.id AND a.attempt = j.attempt
        WHERE j.state IN ({Operations.JobRows.HoldingCapacityStates}) AND a.ended_at IS NULL
        """;

    /// <summary>Fills the table from the attempts already stored, summed in decimal (SQLite's SUM would go through floating point).</summary>
    public static void Backfill(SqliteTransaction transaction)
    {
        var ended = Sums(transaction, SelectEnded);
        var held = Sums(transaction, SelectHeld);
        foreach (var team in ended.Keys.Union(held.Keys))
        {
            using var insert = transaction.Command("INSERT INTO team_charges (team, ended_cost, held_cost) VALUES (@team, @ended, @held)",
                ("@team", team), ("@ended", Text(ended, team)), ("@held", Text(held, team)));
            insert.ExecuteNonQuery();
        }
    }

    private static Dictionary<string, decimal> Sums(SqliteTransaction transaction, string sql)
    {
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using var read = transaction.Command(sql);
        using var rows = read.ExecuteReader();
        while (rows.Read())
        {
            var team = rows.GetString(0);
            totals[team] = totals.GetValueOrDefault(team) + StoredText.ParseMoney(rows.GetString(1)).Dollars;
        }
        return totals;
    }

    private static string Text(Dictionary<string, decimal> totals, string team) => StoredText.FormatMoney(Core.Money.Of(totals.GetValueOrDefault(team)));
}
