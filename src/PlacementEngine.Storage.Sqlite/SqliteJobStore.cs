using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.Operations;

namespace PlacementEngine.Storage.Sqlite;

/// <summary>
/// The embedded default <see cref="IJobStore"/>: one SQLite file, for a single server process (a second open of
/// the file throws <see cref="DatabaseInUseException"/>). Safe to call concurrently; writes queue for the one
/// writer, which commits the writes waiting together in one transaction (group commit), each undone alone if it
/// fails; reads run alongside. Every write returns once its commit is durable.
/// </summary>
public sealed class SqliteJobStore : IJobStore, IDisposable, IAsyncDisposable
{
    private readonly SqliteDatabase _database;

    private SqliteJobStore(SqliteDatabase database) => _database = database;

    /// <summary>The open file, for stores that share it (<see cref="SqliteStores"/>).</summary>
    internal SqliteDatabase Database => _database;

    /// <summary>Opens (creating if needed) the file at <paramref name="path"/> with default options.</summary>
    public static SqliteJobStore Open(string path) => Open(new SqliteStoreOptions { Path = path });

    /// <summary>Opens the file and brings its schema up to date. Throws <see cref="ArgumentException"/> naming every bad option.</summary>
    public static SqliteJobStore Open(SqliteStoreOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid SQLite store options: {string.Join("; ", errors)}", nameof(options));
        }
        return new SqliteJobStore(SqliteDatabase.Open(options));
    }

    public Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken)
    {
        JobSubmission.ThrowIfNotNew(job);
        var row = JobSubmission.RowValues(job, specFingerprint);
        return _database.WriteAsync(tx => JobSubmission.SubmitAsync(tx, job, row, specFingerprint, cancellationToken), cancellationToken);
    }

    public Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        JobUpdates.ThrowIfMalformed(updates);
        return updates.Count == 0
            ? Task.FromResult(new CommitResult([], []))
            : _database.WriteAsync(tx => JobUpdates.ApplyAsync(tx, updates, cancellationToken), cancellationToken);
    }

    public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => JobQueries.GetAsync(c, id, cancellationToken), cancellationToken);

    /// <summary>Throws <see cref="ArgumentException"/> for a page token this store did not issue.</summary>
    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => JobQueries.ListAsync(c, query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => JobQueries.ByStatesAsync(c, states, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => Transitions.ForJobAsync(c, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(c => Accounting.NodesHeldAsync(c, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(c => TeamCharges.ReadAsync(c, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(c => JobQueries.CountByStateAsync(c, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SpendRow>> GetSpendAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(c => Accounting.SpendAsync(c, cancellationToken), cancellationToken);

    /// <summary>Commits the writes already queued, then closes the file.</summary>
    public void Dispose() => _database.Dispose();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
