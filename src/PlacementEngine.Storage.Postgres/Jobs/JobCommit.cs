using Npgsql;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.Database;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>
/// Applies a batch of <see cref="JobUpdate"/>s in one transaction, in order, each seeing the earlier ones, with
/// the same outcome as the embedded store; safe against committers in other processes. Locks come first, always
/// in the same order (the reserved pools' rows by name, then the jobs' rows by id), so two committers wait for
/// each other instead of deadlocking; then the versions and the capacity still free are read under those locks,
/// the updates are decided here, and every write goes to the server in one round trip.
/// </summary>
internal static class JobCommit
{
    private const string EnsurePools = "INSERT INTO pools (pool) SELECT unnest(@pools) ON CONFLICT DO NOTHING";

    private const string LockPools = "SELECT pool FROM pools WHERE pool = ANY(@pools) ORDER BY pool FOR UPDATE";

    private const string LockJobs = """
        SELECT id, version, attempt, state = ANY(@holding), placement_pool, placement_nodes
        FROM jobs WHERE id = ANY(@ids) ORDER BY id FOR UPDATE
        """;

    // Read after the pools are locked, so it sees every reservation committed before (read committed: each
    // statement takes a fresh snapshot); nobody else can add to these pools until this transaction ends.
    private const string SelectNodesHeld = """
        SELECT placement_pool, SUM(placement_nodes) FROM jobs
        WHERE placement_pool = ANY(@pools) AND state = ANY(@holding)
        GROUP BY placement_pool
        """;

    public static async Task<CommitResult> ApplyAsync(NpgsqlDataSource dataSource, IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pools = updates.Where(u => u.Reservation is not null).Select(u => u.Reservation!.Pool).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (pools.Length > 0)
        {
            await using var lockPools = new NpgsqlBatch(connection)
            {
                BatchCommands = { Commands.BatchCommand(EnsurePools, ("pools", pools)), Commands.BatchCommand(LockPools, ("pools", pools)) },
            };
            await lockPools.ExecuteNonQueryAsync(cancellationToken);
        }
        var ids = updates.Select(u => u.Next.Id.Value).Distinct().ToArray();
        var rows = await ReadLockedAsync(connection, ids, pools, cancellationToken);

        var plan = CommitPlan.Decide(updates, rows.Jobs, rows.Held);
        if (plan.Writes.Count > 0)
        {
            await using var writes = new NpgsqlBatch(connection);
            foreach (var (update, attemptBefore) in plan.Writes)
            {
                JobWrites.Add(writes, update, attemptBefore);
            }
            await writes.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return plan.Result;
    }

    private static async Task<(Dictionary<string, StoredJob> Jobs, Dictionary<string, long> Held)> ReadLockedAsync(
        NpgsqlConnection connection, string[] ids, string[] pools, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(LockJobs, ("ids", ids), ("holding", JobRows.HoldingStates));
        var jobs = (await command.ReadAllAsync(row => new StoredJob(
            row.GetString(0),
            row.GetInt64(1),
            row.GetInt32(2),
            row.GetBoolean(3) && !row.IsDBNull(4) ? row.GetString(4) : null,
            row.IsDBNull(5) ? 0 : row.GetInt32(5)), cancellationToken)).ToDictionary(j => j.Id, StringComparer.Ordinal);
        // Every reserved pool is tracked, at zero when no job holds any of its nodes.
        var held = pools.ToDictionary(p => p, _ => 0L, StringComparer.Ordinal);
        if (pools.Length > 0)
        {
            await using var sum = connection.Command(SelectNodesHeld, ("pools", pools), ("holding", JobRows.HoldingStates));
            foreach (var (pool, nodes) in await sum.ReadAllAsync(row => (row.GetString(0), row.GetInt64(1)), cancellationToken))
            {
                held[pool] = nodes;
            }
        }
        return (jobs, held);
    }
}

/// <summary>A locked job row as the decisions need it: its version, current attempt, and the pool it holds nodes of (null when none).</summary>
internal sealed record StoredJob(string Id, long Version, int Attempt, string? HoldingPool, int Nodes);
