namespace PlacementEngine.Silo.AdoNet.Schema;

/// <summary>
/// Orleans' membership and reminder tables on PostgreSQL. Written for this project from the ADO.NET providers'
/// contract: the named queries they look up in OrleansQuery, their parameters and the columns they read back
/// (aliased to the provider's names). Membership writes are compare-and-swap on one version row per cluster: a
/// write succeeds only when the caller read the current version, and bumps it in the same statement.
/// </summary>
internal static class PostgresOrleansSql
{
    public const string Tables = PortableOrleansSql.QueryTable + """
        CREATE TABLE IF NOT EXISTS orleans_membership_version (
            deployment_id text NOT NULL PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS orleans_membership (
            deployment_id text NOT NULL,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            start_time timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            grain_hash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);
        """;

    private const string MemberColumns = """
        SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
               m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
               m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        FROM orleans_membership_version v
        """;

    private const string ThisSilo = "deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation";

    private const string ReminderColumns = """
        SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
        FROM orleans_reminders
        """;

    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>(PortableOrleansSql.ReminderReads(ReminderColumns))
    {
        // Membership. Reads always return the version row, with member columns null when there is no member to show.
        ["MembershipReadAllKey"] = $"{MemberColumns} LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id WHERE v.deployment_id = @DeploymentId",
        ["MembershipReadRowKey"] = $"""
            {MemberColumns} LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation" FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId) ON CONFLICT DO NOTHING RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM created)
            """,
        ["InsertMembershipKey"] = $"""
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM orleans_membership WHERE {ThisSilo})
                RETURNING deployment_id),
            inserted AS (
                INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                                proxy_port, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM bumped
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM inserted)
            """,
        ["UpdateMembershipKey"] = $"""
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND EXISTS (SELECT 1 FROM orleans_membership WHERE {ThisSilo})
                RETURNING deployment_id),
            updated AS (
                UPDATE orleans_membership m SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                FROM bumped
                WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM updated)
            """,
        ["UpdateIAmAlivetimeKey"] = $"UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime WHERE {ThisSilo}",
        ["DeleteMembershipTableEntriesKey"] = """
            WITH members AS (DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId)
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
            """,
        // Dead silos only (status 6); the provider decides which ones are old enough.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
            """,
        // One dead silo, only if nothing about it changed since the provider read it.
        ["CleanupDefunctSiloEntryKey"] = $"""
            DELETE FROM orleans_membership WHERE {ThisSilo} AND status = 6
              AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
            """,

        // Reminder writes (the reads are portable).
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = r.version + 1
            RETURNING r.version AS "Version"
            """,
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM orleans_reminders
                WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM deleted)
            """,
    };
}
