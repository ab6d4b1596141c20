using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>
/// Each team's charges, as team_charges keeps them (see its schema step). An attempt is charged its actual cost
/// once it ended, and its expected cost while it is its job's current attempt, open, and the job holds capacity;
/// an attempt left open by a job that moved on without ending it is charged nothing. A batch of updates gathers its
/// changes per team here and writes each team's row once, inside the batch's transaction.
/// </summary>
internal sealed class TeamCharges
{
    private const string SelectAll = "SELECT team, ended_cost, held_cost FROM team_charges";

    private const string SelectTeam = "SELECT ended_cost, held_cost FROM team_charges WHERE team = @team";

    private const string UpsertTeam = "INSERT OR REPLACE INTO team_charges (team, ended_cost, held_cost) VALUES (@team, @ended_cost, @held_cost)";

    private readonly Dictionary<string, (decimal Ended, decimal Held)> _changes = new(StringComparer.Ordinal);

    /// <summary>An update's effect on its team: what its ended attempt cost, and how the held expected cost moved.</summary>
    public void Add(string team, decimal ended, decimal heldBefore, decimal heldAfter)
    {
        if (ended == 0 && heldBefore == heldAfter)
        {
            return;
        }
        var (e, h) = _changes.GetValueOrDefault(team);
        _changes[team] = (e + ended, h + heldAfter - heldBefore);
    }

    public async Task WriteAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var (team, (ended, held)) in _changes)
        {
            var stored = await transaction.QueryPreparedAsync(SelectTeam,
                row => (Ended: StoredText.ParseMoney(row.GetString(0)).Dollars, Held: StoredText.ParseMoney(row.GetString(1)).Dollars),
                cancellationToken, ("@team", team));
            var (oldEnded, oldHeld) = stored.Count == 0 ? (0m, 0m) : stored[0];
            await transaction.ExecutePreparedAsync(UpsertTeam, cancellationToken,
                ("@team", team),
                ("@ended_cost", StoredText.FormatMoney(Money.Of(oldEnded + ended))),
                ("@held_cost", StoredText.FormatMoney(Money.Of(oldHeld + held))));
        }
        _changes.Clear();
    }

    /// <summary>Only teams with a charged attempt, now or before, appear.</summary>
    public static async Task<IReadOnlyDictionary<string, Money>> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryPreparedAsync(SelectAll,
            row => (Team: row.GetString(0), Charged: Sum(StoredText.ParseMoney(row.GetString(1)), StoredText.ParseMoney(row.GetString(2)))),
            cancellationToken);
        return rows.Where(r => r.Charged != Money.Zero).ToDictionary(r => r.Team, r => r.Charged, StringComparer.Ordinal);
    }

    // A held cost that came and went leaves a zero with its scale (0.0000); the sum then keeps the ended cost's own.
    private static Money Sum(Money ended, Money held) => held == Money.Zero ? ended : ended == Money.Zero ? held : ended + held;
}
