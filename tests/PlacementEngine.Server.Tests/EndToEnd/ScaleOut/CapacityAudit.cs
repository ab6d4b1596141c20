using Npgsql;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Replays the stored attempts of every pool: at each attempt's start, the nodes held by the attempts started and not
/// yet ended. An attempt's start is stamped before its commit and its end before the release commits, and a placement
/// only counts on capacity whose release it read, so an over-commit in this replay is a real one.
/// </summary>
internal static class CapacityAudit
{
    public sealed record Breach(string Pool, DateTimeOffset At, long Held, int Max);

    public static async Task<IReadOnlyList<Breach>> FindBreachesAsync(string connectionString, IReadOnlyDictionary<string, int> maxNodesByPool)
    {
        const string Sql = """
            SELECT a.pool, a.started_at,
                   (SELECT COALESCE(SUM(b.nodes), 0) FROM placement.attempts b
                     WHERE b.pool = a.pool AND b.started_at <= a.started_at AND (b.ended_at IS NULL OR b.ended_at > a.started_at)) AS held
            FROM placement.attempts a
            """;
        var breaches = new List<Breach>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pool = reader.GetString(0);
            var held = reader.GetInt64(2);
            var max = maxNodesByPool.TryGetValue(pool, out var m) ? m : throw new InvalidOperationException($"attempt on unknown pool {pool}");
            if (held > max)
            {
                breaches.Add(new Breach(pool, reader.GetFieldValue<DateTimeOffset>(1), held, max));
            }
        }
        return breaches;
    }

    public static async Task<int> AttemptCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM placement.attempts", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>When the first attempt after <paramref name="after"/> started: the stored moment placement resumed, whatever a poller saw.</summary>
    public static async Task<DateTimeOffset?> FirstPlacementAfterAsync(string connectionString, DateTimeOffset after)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT min(started_at) FROM placement.attempts WHERE started_at > @after", connection);
        command.Parameters.AddWithValue("after", after);
        // Npgsql reads timestamptz as a UTC DateTime.
        return await command.ExecuteScalarAsync() is DateTime first ? new DateTimeOffset(first, TimeSpan.Zero) : null;
    }
}
