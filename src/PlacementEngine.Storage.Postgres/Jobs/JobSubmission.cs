using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>
/// Idempotent submission in one statement: the job and its "submitted" transition go in together unless
/// (team, idempotency key) exists. The unique index decides between concurrent submitters, in this process or
/// another: the loser's insert waits for the winner's commit, then does nothing and reads the winner's job.
/// </summary>
internal static class JobSubmission
{
    // DO NOTHING on the key only: a clash of job ids is a bug upstream and must fail loudly.
    private const string InsertUnlessKeyExists = """
        WITH inserted AS (
            INSERT INTO jobs (id, team, name, idempotency_key, spec, spec_fingerprint, state, state_reason, version,
                              created_at, updated_at, attempt, placement, placement_pool, placement_nodes, blocked_pools)
            VALUES (@id, @team, @name, @idempotency_key, @spec, @spec_fingerprint, @state, @state_reason, @version,
                    @created_at, @updated_at, @attempt, @placement, @placement_pool, @placement_nodes, @blocked_pools)
            ON CONFLICT (team, idempotency_key) DO NOTHING
            RETURNING id
        )
        INSERT INTO transitions (job_id, seq, from_state, to_state, reason, at)
        SELECT id, 1, @t_from, @t_to, @t_reason, @t_at FROM inserted
        """;

    private const string SelectByKey = $"""
        SELECT {JobRows.Columns}, spec_fingerprint FROM jobs WHERE team = @team AND idempotency_key = @idempotency_key
        """;

    public static async Task<SubmitOutcome> SubmitAsync(NpgsqlDataSource dataSource, Job job, string specFingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var transition = StateTransition.Submitted(job);
        (string, object?)[] values =
        [
            .. JobRows.MutableValues(job),
            .. JobRows.TransitionValues(transition),
            ("team", job.Team),
            ("name", job.Spec.Name),
            ("idempotency_key", job.IdempotencyKey),
            ("spec", Commands.Json("spec", StoredJson.WriteSpec(job.Spec))),
            ("spec_fingerprint", specFingerprint),
            ("created_at", job.CreatedAt),
        ];
        if (await connection.ExecuteAsync(InsertUnlessKeyExists, cancellationToken, values) == 1)
        {
            return new SubmitOutcome(SubmitStatus.Created, job);
        }

        await using var command = connection.Command(SelectByKey, ("team", job.Team), ("idempotency_key", job.IdempotencyKey));
        var existing = (await command.ReadAllAsync(row => (Job: JobRows.Read(row), Fingerprint: row.GetString(JobRows.ColumnCount)), cancellationToken)).Single();
        // The stored job goes back with a conflict too, so the caller can name the job holding the key.
        var status = existing.Fingerprint == specFingerprint ? SubmitStatus.AlreadyExists : SubmitStatus.KeyConflict;
        return new SubmitOutcome(status, existing.Job);
    }
}
