using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>
/// Applies a batch of <see cref="JobUpdate"/>s inside one transaction, in order, so a later update sees the
/// earlier ones: two reservations in one batch cannot overfill a pool, and a job may move twice in one batch
/// (Preempted then Pending) with the second update expecting the first one's version.
/// </summary>
internal static class JobUpdates
{
    // With the nodes the job holds now, if any: a reservation does not count the job's own old nodes twice.
    // And the expected cost of its current attempt while that is open, for the team's charges.
    private static readonly string SelectVersion = $"""
        SELECT j.version, j.attempt,
               CASE WHEN j.state IN ({JobRows.HoldingCapacityStates}) THEN j.placement_pool END,
               CASE WHEN j.state IN ({JobRows.HoldingCapacityStates}) THEN j.placement_nodes ELSE 0 END,
               CASE WHEN a.ended_at IS NULL THEN a.expected_cost END
        FROM jobs j LEFT JOIN attempts a ON a.job_id = j.id AND a.attempt = j.attempt
        WHERE j.id = @id
        """;

    private static readonly string SelectNodesHeld = $"""
        SELECT COALESCE(SUM(placement_nodes), 0) FROM jobs
        WHERE placement_pool = @pool AND state IN ({JobRows.HoldingCapacityStates})
        """;

    private const string UpdateJob = """
        UPDATE jobs SET state = @state, state_reason = @state_reason, version = @version, updated_at = @updated_at,
                        attempt = @attempt, placement = @placement, placement_pool = @placement_pool,
                        placement_nodes = @placement_nodes, blocked_pools = @blocked_pools
        WHERE id = @id AND version = @expected_version
        """;

    // Only an open attempt is closed: a repeated end must not bill twice, since spend only grows.
    private const string EndAttempt = """
        UPDATE attempts SET ended_at = @ended_at, outcome = @outcome, actual_cost = @actual_cost
        WHERE job_id = @job_id AND attempt = @attempt AND ended_at IS NULL
        """;

    private const string StartAttempt = """
        INSERT INTO attempts (job_id, attempt, cluster, pool, cloud, region, instance_type, capacity_type, nodes, expected_cost, started_at)
        VALUES (@job_id, @attempt, @cluster, @pool, @cloud, @region, @instance_type, @capacity_type, @nodes, @expected_cost, @started_at)
        """;

    // The first report of running is kept: that is when billing started.
    private const string MarkRunning = """
        UPDATE attempts SET running_at = COALESCE(running_at, @running_at) WHERE job_id = @job_id AND attempt = @attempt
        """;

    /// <summary>Rejects updates that could only come from a bug, before anything is written.</summary>
    public static void ThrowIfMalformed(IReadOnlyList<JobUpdate> updates)
    {
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            var problem = update switch
            {
                _ when update.Transition.JobId != update.Next.Id => "its transition belongs to another job",
                _ when update.Transition.To != update.Next.State => "its transition does not lead to the job's next state",
                { Reservation.Nodes: < 1 } => "it reserves no nodes",
                { Reservation: { } r, Next.Placement: null } => $"it reserves {r.Nodes} nodes of {r.Pool} but the job has no placement",
                { Reservation: { } r, Next.Placement: { } p } when r.Pool != p.Pool || r.Nodes != p.Nodes =>
                    $"it reserves {r.Nodes} nodes of {r.Pool} but the job is placed on {p.Nodes} nodes of {p.Pool}",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException($"update {i} (job {update.Next.Id}): {problem}", nameof(updates));
            }
        }
    }

    public static async Task<CommitResult> ApplyAsync(SqliteTransaction transaction, IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        var applied = new List<JobId>();
        var conflicts = new List<JobId>();
        // Nodes held per pool, read once per pool and batch and then kept by the batch's own changes: summing the
        // pool's rows for every reservation made a cycle's commit quadratic in the jobs a pool holds.
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        var charges = new TeamCharges();
        foreach (var update in updates)
        {
            (await TryApplyAsync(transaction, update, held, charges, cancellationToken) ? applied : conflicts).Add(update.Next.Id);
        }
        await charges.WriteAsync(transaction, cancellationToken);
        return new CommitResult(applied, conflicts);
    }

    private static async Task<bool> TryApplyAsync(SqliteTransaction transaction, JobUpdate update, Dictionary<string, long> held, TeamCharges charges, CancellationToken cancellationToken)
    {
        var id = update.Next.Id.Value;
        var stored = await ReadVersionAsync(transaction, id, cancellationToken);
        if (stored is not { } current || current.Version != update.ExpectedVersion)
        {
            return false;
        }
        if (update.Reservation is { } reservation)
        {
            // The job itself is left out: its row is about to be rewritten with the new placement.
            var own = current.HeldPool == reservation.Pool ? current.HeldNodes : 0;
            if (await HeldAsync(transaction, reservation.Pool, held, cancellationToken) - own + reservation.Nodes > reservation.PoolMaxNodes)
            {
                return false;
            }
        }
        if (current.HeldPool is { } oldPool && held.ContainsKey(oldPool))
        {
            held[oldPool] -= current.HeldNodes;
        }
        if (update.Next.State.HoldsCapacity() && update.Next.Placement is { } placed && held.ContainsKey(placed.Pool))
        {
            held[placed.Pool] += placed.Nodes;
        }

        var ended = update.AttemptEnd is { } end
            && await transaction.ExecutePreparedAsync(EndAttempt, cancellationToken,
                ("@job_id", id),
                ("@attempt", current.Attempt),
                ("@ended_at", StoredText.FormatInstant(end.At)),
                ("@outcome", end.Outcome),
                ("@actual_cost", StoredText.FormatMoney(end.ActualCost))) > 0;
        charges.Add(update.Next.Spec.Team, ended ? update.AttemptEnd!.ActualCost.Dollars : 0m, current.HeldCharge, HeldChargeAfter(update, current, ended));
        if (update.Reservation is not null)
        {
            await InsertAttemptAsync(transaction, update.Next, update.Transition.At, cancellationToken);
        }
        if (update.AttemptStarted is { } runningAt)
        {
            await transaction.ExecutePreparedAsync(MarkRunning, cancellationToken,
                ("@job_id", id),
                ("@attempt", update.Next.Attempt),
                ("@running_at", StoredText.FormatInstant(runningAt)));
        }

        await transaction.ExecutePreparedAsync(UpdateJob, cancellationToken,
            [.. JobRows.MutableValues(update.Next), ("@expected_version", update.ExpectedVersion)]);
        await Transitions.AppendAsync(transaction, update.Transition, cancellationToken);
        return true;
    }

    private static async Task<StoredVersion?> ReadVersionAsync(SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryPreparedAsync(SelectVersion,
            row => new StoredVersion(row.GetInt64(0), row.GetInt32(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetInt64(3),
                row.IsDBNull(4) ? null : StoredText.ParseMoney(row.GetString(4)).Dollars), cancellationToken, ("@id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<long> HeldAsync(SqliteTransaction transaction, string pool, Dictionary<string, long> held, CancellationToken cancellationToken)
    {
        if (!held.TryGetValue(pool, out var nodes))
        {
            using var command = transaction.Command(SelectNodesHeld, ("@pool", pool));
            nodes = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
            held[pool] = nodes;
        }
        return nodes;
    }

    /// <param name="HeldPool">The pool whose nodes the job holds now; null when it holds none.</param>
    /// <param name="OpenExpectedCost">The expected cost of the job's current attempt while it is open; null otherwise.</param>
    private sealed record StoredVersion(long Version, int Attempt, string? HeldPool, long HeldNodes, decimal? OpenExpectedCost)
    {
        /// <summary>What the job's team is charged for its current attempt before the update (see <see cref="TeamCharges"/>).</summary>
        public decimal HeldCharge => HeldPool is not null && OpenExpectedCost is { } cost ? cost : 0m;
    }

    /// <summary>The same after the update: a reservation opens a new attempt; otherwise the current one stays open unless it just ended.</summary>
    private static decimal HeldChargeAfter(JobUpdate update, StoredVersion current, bool ended)
    {
        var openCost = update.Reservation is not null ? update.Next.Placement!.Cost.Total.Dollars
            : update.Next.Attempt == current.Attempt && !ended ? current.OpenExpectedCost
            : null;
        return update.Next.State.HoldsCapacity() && openCost is { } cost ? cost : 0m;
    }

    private static async Task InsertAttemptAsync(SqliteTransaction transaction, Job next, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var placement = next.Placement!;
        await transaction.ExecutePreparedAsync(StartAttempt, cancellationToken,
            ("@job_id", next.Id.Value),
            ("@attempt", placement.Attempt),
            ("@cluster", placement.Cluster),
            ("@pool", placement.Pool),
            ("@cloud", StoredNames.Of(placement.Region.Cloud)),
            ("@region", placement.Region.Name),
            ("@instance_type", placement.InstanceType),
            ("@capacity_type", StoredNames.Of(placement.CapacityType)),
            ("@nodes", placement.Nodes),
            ("@expected_cost", StoredText.FormatMoney(placement.Cost.Total)),
            ("@started_at", StoredText.FormatInstant(at)));
    }
}
