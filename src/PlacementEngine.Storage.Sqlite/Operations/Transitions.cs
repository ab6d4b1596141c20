using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Operations;

/// <summary>The append-only transition log of each job.</summary>
internal static class Transitions
{
    private const string Append = """
        INSERT INTO transitions (job_id, seq, from_state, to_state, reason, at)
        SELECT @job_id, COALESCE(MAX(seq), 0) + 1, @from_state, @to_state, @reason, @at
        FROM transitions WHERE job_id = @job_id
        """;

    // The first schema requires from_state, so the submitted entry (seq 1) stores its own state there;
    // it reads back as having none, which is the truth, and files written before keep working unchanged.
    private const string SelectForJob = """
        SELECT CASE WHEN seq = 1 THEN NULL ELSE from_state END, to_state, reason, at FROM transitions WHERE job_id = @job_id ORDER BY seq
        """;

    public static Task AppendAsync(SqliteTransaction transaction, StateTransition transition, CancellationToken cancellationToken) =>
        transaction.ExecutePreparedAsync(Append, cancellationToken,
            ("@job_id", transition.JobId.Value),
            ("@from_state", StoredNames.Of(transition.From ?? transition.To)),
            ("@to_state", StoredNames.Of(transition.To)),
            ("@reason", transition.Reason),
            ("@at", StoredText.FormatInstant(transition.At)));

    /// <summary>Oldest first, starting with the "submitted" entry.</summary>
    public static async Task<IReadOnlyList<StateTransition>> ForJobAsync(SqliteConnection connection, JobId id, CancellationToken cancellationToken)
    {
        return await connection.QueryPreparedAsync(SelectForJob, row => new StateTransition(
            id,
            row.IsDBNull(0) ? null : StoredNames.ParseState(row.GetString(0)),
            StoredNames.ParseState(row.GetString(1)),
            row.GetString(2),
            StoredText.ParseInstant(row.GetString(3))), cancellationToken, ("@job_id", id.Value));
    }
}
