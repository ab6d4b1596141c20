using Npgsql;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>What the membership table says, read straight from PostgreSQL.</summary>
public static class PostgresMembership
{
    public const int Active = 3;
    public const int Dead = 6;

    /// <summary>Status by silo port.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> StatusesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, status FROM orleans_membership WHERE deployment_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", TestSilo.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<int, int>();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        return statuses;
    }

    public static async Task<long> ReminderCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_reminders", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static Task<IReadOnlyDictionary<int, int>> WaitForStatusAsync(string connectionString, int port, int status, TimeSpan? deadline = null) =>
        Eventually.HoldsAsync(() => StatusesAsync(connectionString), table => table.GetValueOrDefault(port) == status,
            $"silo on port {port} reaches status {status}", deadline);
}
