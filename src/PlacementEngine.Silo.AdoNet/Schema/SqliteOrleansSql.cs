namespace PlacementEngine.Silo.AdoNet.Schema;

/// <summary>
/// Orleans' reminder table in the embedded SQLite file, beside the jobs. Written for this project from the reminder
/// provider's contract: the named queries it looks up in OrleansQuery, their parameters (@ServiceId, @GrainId,
/// @ReminderName, @StartTime, @Period, @GrainHash, @BeginHash, @EndHash, @Version) and the columns it reads back.
/// Microsoft.Data.Sqlite stores the provider's DateTime values as ISO-8601 text and parses them back.
/// </summary>
internal static class SqliteOrleansSql
{
    public const string Tables = PortableOrleansSql.QueryTable + """
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            start_time TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            grain_hash INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);
        """;

    private const string ReminderColumns =
        "SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version FROM orleans_reminders";

    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>(PortableOrleansSql.ReminderReads(ReminderColumns))
    {
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
                version = orleans_reminders.version + 1
            RETURNING version AS Version
            """,
        // The provider wants exactly one row with one boolean column; a DELETE alone returns no row when nothing matched.
        ["DeleteReminderRowKey"] = """
            DELETE FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version;
            SELECT changes() > 0 AS Deleted;
            """,
    };
}
