using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Postgres.Jobs;
using SqliteSubmission = PlacementEngine.Storage.Sqlite.Operations.JobSubmission;
using SqliteUpdates = PlacementEngine.Storage.Sqlite.Operations.JobUpdates;

namespace PlacementEngine.Storage.Postgres;

/// <summary>
/// The scale-out <see cref="IJobStore"/>: one PostgreSQL database shared by every silo. The same contract as the
/// embedded store, and it holds across processes: submissions are idempotent under the unique (team, key)
/// index, and a commit checks versions and capacity under row locks, so a brief second scheduler in another
/// silo can never over-commit a pool. Every write returns once committed. Opened by <see cref="PostgresStores"/>.
/// </summary>
public sealed class PostgresJobStore : IJobStore
{
    private readonly NpgsqlDataSource _dataSource;

    internal PostgresJobStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken)
    {
        SqliteSubmission.ThrowIfNotNew(job);
        return JobSubmission.SubmitAsync(_dataSource, job, specFingerprint, cancellationToken);
    }

    public Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        SqliteUpdates.ThrowIfMalformed(updates);
        return updates.Count == 0 ? Task.FromResult(new CommitResult([], [])) : JobCommit.ApplyAsync(_dataSource, updates, cancellationToken);
    }

    public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken) =>
        ReadAsync(c => JobQueries.GetAsync(c, id, cancellationToken), cancellationToken);

    /// <summary>Throws <see cref="ArgumentException"/> for a page token this store did not issue.</summary>
    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        ReadAsync(c => JobQueries.ListAsync(c, query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken) =>
        ReadAsync(c => JobQueries.ByStatesAsync(c, states, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken cancellationToken) =>
        ReadAsync(c => JobQueries.TransitionsAsync(c, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => Accounting.NodesHeldAsync(c, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => Accounting.TeamChargesAsync(c, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => JobQueries.CountByStateAsync(c, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SpendRow>> GetSpendAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => Accounting.SpendAsync(c, cancellationToken), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }
}
