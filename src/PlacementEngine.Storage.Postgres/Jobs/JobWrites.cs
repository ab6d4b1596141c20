using Npgsql;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>The statements one applied update writes, added to the commit's batch in the order they must run.</summary>
internal static class JobWrites
{
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

    // The version was checked under the row lock; the condition stays as a second guard.
    private const string UpdateJob = """
        UPDATE jobs SET state = @state, state_reason = @state_reason, version = @version, updated_at = @updated_at,
                        attempt = @attempt, placement = @placement, placement_pool = @placement_pool,
                        placement_nodes = @placement_nodes, blocked_pools = @blocked_pools
        WHERE id = @id AND version = @expected_version
        """;

    private const string AppendTransition = """
        INSERT INTO transitions (job_id, seq, from_state, to_state, reason, at)
        SELECT @t_job_id, COALESCE(MAX(seq), 0) + 1, @t_from, @t_to, @t_reason, @t_at FROM transitions WHERE job_id = @t_job_id
        """;

    public static void Add(NpgsqlBatch batch, JobUpdate update, int attemptBefore)
    {
        var id = update.Next.Id.Value;
        if (update.AttemptEnd is { } end)
        {
            batch.BatchCommands.Add(Commands.BatchCommand(EndAttempt,
                ("job_id", id), ("attempt", attemptBefore), ("ended_at", end.At), ("outcome", end.Outcome), ("actual_cost", end.ActualCost.Dollars)));
        }
        if (update.Reservation is not null)
        {
            var placement = update.Next.Placement!;
            batch.BatchCommands.Add(Commands.BatchCommand(StartAttempt,
                ("job_id", id),
                ("attempt", placement.Attempt),
                ("cluster", placement.Cluster),
                ("pool", placement.Pool),
                ("cloud", StoredNames.Of(placement.Region.Cloud)),
                ("region", placement.Region.Name),
                ("instance_type", placement.InstanceType),
                ("capacity_type", StoredNames.Of(placement.CapacityType)),
                ("nodes", placement.Nodes),
                ("expected_cost", placement.Cost.Total.Dollars),
                ("started_at", update.Transition.At)));
        }
        if (update.AttemptStarted is { } runningAt)
        {
            batch.BatchCommands.Add(Commands.BatchCommand(MarkRunning, ("job_id", id), ("attempt", update.Next.Attempt), ("running_at", runningAt)));
        }
        batch.BatchCommands.Add(Commands.BatchCommand(UpdateJob, [.. JobRows.MutableValues(update.Next), ("expected_version", update.ExpectedVersion)]));
        batch.BatchCommands.Add(Commands.BatchCommand(AppendTransition, JobRows.TransitionValues(update.Transition)));
    }
}
