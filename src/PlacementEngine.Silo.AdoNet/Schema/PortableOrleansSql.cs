namespace PlacementEngine.Silo.AdoNet.Schema;

/// <summary>The SQL that reads the same in SQLite and PostgreSQL; each dialect adds its own writes.</summary>
internal static class PortableOrleansSql
{
    /// <summary>The providers read every named query with "SELECT QueryKey, QueryText FROM OrleansQuery".</summary>
    public const string QueryTable = "CREATE TABLE IF NOT EXISTS OrleansQuery (QueryKey text NOT NULL PRIMARY KEY, QueryText text NOT NULL);";

    public const string UpsertQuery =
        "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText";

    /// <summary>
    /// The reminder reads over a table orleans_reminders, given the dialect's select list. Grain hashes arrive as
    /// signed 32-bit integers and the provider picks the range query by signed order, so they compare signed.
    /// </summary>
    public static Dictionary<string, string> ReminderReads(string selectColumns) => new()
    {
        ["ReadReminderRowsKey"] = $"{selectColumns} WHERE service_id = @ServiceId AND grain_id = @GrainId",
        ["ReadReminderRowKey"] = $"{selectColumns} WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName",
        ["ReadRangeRows1Key"] = $"{selectColumns} WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash",
        ["ReadRangeRows2Key"] = $"{selectColumns} WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)",
        ["DeleteReminderRowsKey"] = "DELETE FROM orleans_reminders WHERE service_id = @ServiceId",
    };
}
