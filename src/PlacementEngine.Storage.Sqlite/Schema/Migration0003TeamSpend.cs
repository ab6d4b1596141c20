using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>
/// What each team's ended attempts cost, kept as attempts end, so a cycle reads a team's spend from one row
/// instead of summing every attempt ever made: that sum grew with the store's history and, a few thousand attempts
/// in, took a tenth of a second or more of every cycle. Money is decimal text, as everywhere.
/// </summary>
internal static class Migration0003TeamSpend
{
    public const string Sql = """
        CREATE TABLE team_spend (
            team        TEXT NOT NULL PRIMARY KEY,
            ended_cost  TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    private const string SelectEnded = """
        SELECT j.team, a.actual_cost FROM attempts a JOIN jobs j ON j.id = a.job_id WHERE a.ended_at IS NOT NULL
        """;

    /// <summary>Fills the table from the attempts already ended, summed in decimal (SQLite's SUM would go through floating point).</summary>
    public static void Backfill(SqliteTransaction transaction)
    {
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using (var read = transaction.Command(SelectEnded))
        using (var rows = read.ExecuteReader())
        {
            while (rows.Read())
            {
                var team = rows.GetString(0);
                totals[team] = totals.GetValueOrDefault(team) + StoredText.ParseMoney(rows.GetString(1)).Dollars;
            }
        }
        foreach (var (team, total) in totals)
        {
            using var insert = transaction.Command("INSERT INTO team_spend (team, ended_cost) VALUES (@team, @cost)",
                ("@team", team), ("@cost", StoredText.FormatMoney(Core.Money.Of(total))));
            insert.ExecuteNonQuery();
        }
    }
}
