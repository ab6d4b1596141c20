using Npgsql;

namespace PlacementEngine.Storage.Postgres.Database;

/// <summary>
/// Ends sessions whose client stopped part-way through a pipeline while holding locks another session waits for.
/// The server's idle-in-transaction timeout starts only after a Sync. Between the messages of one pipeline (an
/// NpgsqlBatch larger than the write buffer, or Parse sent before Bind) the backend waits for the rest as "active",
/// on ClientRead, with no limit; sending a result larger than the socket's buffers to a client that stopped reading,
/// it waits on ClientWrite. A silo frozen there (SIGSTOP, a paused VM) blocks every other silo's commits on the
/// same rows until it wakes, so the other silos end such a session as the server would end an idle one.
/// </summary>
internal static class StalledSessions
{
    // Only sessions another session is waiting on, so a stall that blocks nobody is left alone.
    // state_change moves with every protocol message the backend processes and stays while it sends a result, so it
    // dates the client's last word.
    // Only this store's own sessions (same user, database and application name): an operator's slow COPY is not ours.
    private const string EndStalled = """
        WITH blocking AS (
            SELECT DISTINCT unnest(pg_blocking_pids(pid)) AS pid FROM pg_stat_activity WHERE wait_event_type = 'Lock')
        SELECT count(*) FILTER (WHERE pg_terminate_backend(a.pid))
        FROM pg_stat_activity a JOIN blocking b ON b.pid = a.pid
        WHERE a.datname = current_database() AND a.usename = current_user AND a.application_name = @application
          AND a.pid <> pg_backend_pid()
          AND a.state = 'active' AND a.wait_event_type = 'Client' AND a.wait_event IN ('ClientRead', 'ClientWrite')
          AND a.state_change < clock_timestamp() - make_interval(secs => @seconds)
        """;

    /// <summary>Ends the store's sessions stalled mid-pipeline, and blocking another, for longer than <paramref name="stalledFor"/>; returns how many.</summary>
    public static async Task<int> EndAsync(NpgsqlDataSource dataSource, string applicationName, TimeSpan stalledFor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ended = await connection.ScalarAsync<long>(EndStalled, cancellationToken, ("application", applicationName), ("seconds", stalledFor.TotalSeconds));
        return checked((int)ended);
    }
}
