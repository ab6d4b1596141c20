using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>Idempotent insertion of a new job, decided by the UNIQUE (team, idempotency_key) constraint.</summary>
internal static class JobSubmission
{
    // DO NOTHING on the key only: a clash of job ids is a bug upstream and must fail loudly.
    private const string InsertUnlessKeyExists = """
        INSERT INTO jobs (id, team, name, idempotency_key, spec, spec_fingerprint, state, state_reason, version,
                          created_at, updated_at, attempt, placement, placement_pool, placement_nodes, blocked_pools)
        VALUES (@id, @team, @name, @idempotency_key, @spec, @spec_fingerprint, @state, @state_reason, @version,
                @created_at, @updated_at, @attempt, @placement, @placement_pool, @placement_nodes, @blocked_pools)
        ON CONFLICT (team, idempotency_key) DO NOTHING
        """;

    private const string SelectByKey = $"""
        SELECT {JobRows.Columns}, spec_fingerprint FROM jobs WHERE team = @team AND idempotency_key = @idempotency_key
        """;

    public static void ThrowIfNotNew(Job job)
    {
        if (job.State != JobState.Pending || job.Placement is not null || job.Attempt != 0)
        {
            throw new ArgumentException($"job {job.Id} is {job.State} at attempt {job.Attempt}; only a new Pending job can be submitted", nameof(job));
        }
    }

    /// <summary>
    /// The new row's values. Worked out before the write is queued, on the caller's thread, so that the one
    /// writer every write waits for only binds them.
    /// </summary>
    public static (string Name, object? Value)[] RowValues(Job job, string specFingerprint) =>
    [
        .. JobRows.MutableValues(job),
        ("@team", job.Team),
        ("@name", job.Spec.Name),
        ("@idempotency_key", job.IdempotencyKey),
        ("@spec", StoredJson.WriteSpec(job.Spec)),
        ("@spec_fingerprint", specFingerprint),
        ("@created_at", StoredText.FormatInstant(job.CreatedAt)),
    ];

    /// <summary>
    /// Inserts the job (<paramref name="row"/> from <see cref="RowValues"/>) with its "submitted" transition (no
    /// previous state, the job's state reason, at its creation time), or finds the job that already holds the key
    /// and compares fingerprints.
    /// </summary>
    public static async Task<SubmitOutcome> SubmitAsync(
        SqliteTransaction transaction, Job job, (string Name, object? Value)[] row, string specFingerprint, CancellationToken cancellationToken)
    {
        if (await transaction.ExecutePreparedAsync(InsertUnlessKeyExists, cancellationToken, row) == 1)
        {
            await Transitions.AppendAsync(transaction, StateTransition.Submitted(job), cancellationToken);
            return new SubmitOutcome(SubmitStatus.Created, job);
        }

        using var command = transaction.Command(SelectByKey, ("@team", job.Team), ("@idempotency_key", job.IdempotencyKey));
        var existing = (await command.ReadAllAsync(row => (Job: JobRows.Read(row), Fingerprint: row.GetString(JobRows.ColumnCount)), cancellationToken)).Single();
        // The stored job goes back with a conflict too, so the caller can name the job holding the key.
        var status = existing.Fingerprint == specFingerprint ? SubmitStatus.AlreadyExists : SubmitStatus.KeyConflict;
        return new SubmitOutcome(status, existing.Job);
    }
}
