using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>
/// A silo frozen part-way through sending a commit leaves its session waiting for the rest with its locks held, a
/// wait the server's idle-in-transaction timeout does not cover; the other silos end that session themselves.
/// </summary>
public sealed class StalledSessionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly OpenedStores _stores = new(postgres);
    private readonly JobSteps _steps = new();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Theory]
    [InlineData("waiting for the rest of the pipeline", "", true)]
    [InlineData("blocked sending a result nobody reads", ", repeat('x', 64 * 1024 * 1024)", false)]
    public async Task EndStalledSessions_ASessionStalledHoldingAJobsLock_IsEndedAndTheBlockedCommitGoesThrough(string how, string column, bool readResult)
    {
        var stores = await _stores.OnNewDatabaseAsync();
        var connectionString = _stores.ConnectionStringOf(stores.Jobs);
        var job = await _steps.SubmitAsync(stores, "locked");
        await using var stalled = await StalledPipelineClient.StallAfterAsync(connectionString,
            PostgresStores.DefaultApplicationName, $"SELECT id{column} FROM placement.jobs WHERE id = 'locked' FOR UPDATE", readResult);
        await UntilHoldingARowLockAsync(connectionString, stalled.BackendPid);

        var commit = stores.Jobs.CommitAsync([_steps.PlaceUpdate(job, nodes: 1, poolMaxNodes: 10)], default);
        // As every silo does now and then. Without it the commit waits for the lock until its command timeout and throws.
        var ended = 0;
        while (!commit.IsCompleted)
        {
            ended += await stores.EndStalledSessionsAsync(default);
            await Task.WhenAny(commit, Task.Delay(TimeSpan.FromMilliseconds(250)));
        }

        Assert.Single((await commit).Applied);
        Assert.Equal(1, ended);
        Assert.True(await stalled.WasEndedAsync(), $"backend {stalled.BackendPid} still serves the session {how}");
        Assert.Equal(JobState.Placed, (await stores.Jobs.GetAsync(job.Id, default))!.State);
    }

    [Fact]
    public async Task EndStalledSessions_LeavesALongStatementAnotherApplicationsStallAndAStallNobodyWaitsOn()
    {
        var stores = await _stores.OnNewDatabaseAsync();
        var connectionString = _stores.ConnectionStringOf(stores.Jobs);
        await _steps.SubmitAsync(stores, "sleeping");
        await _steps.SubmitAsync(stores, "theirs");
        await using var sleeper = await OpenAsync(connectionString);
        await using var transaction = await sleeper.BeginTransactionAsync();
        await using var sleep = new NpgsqlCommand("SELECT id FROM placement.jobs WHERE id = 'sleeping' FOR UPDATE; SELECT pg_sleep(600)", sleeper, transaction);
        using var stop = new CancellationTokenSource();
        var sleeping = sleep.ExecuteNonQueryAsync(stop.Token);
        await using var someoneElses = await StalledPipelineClient.StallAfterAsync(connectionString, "someone-else",
            "SELECT id FROM placement.jobs WHERE id = 'theirs' FOR UPDATE");
        await using var blockingNobody = await StalledPipelineClient.StallAfterAsync(connectionString, PostgresStores.DefaultApplicationName,
            "SELECT id FROM placement.jobs WHERE id = 'sleeping'");
        await using var firstWaiter = await OpenAsync(connectionString);
        await using var secondWaiter = await OpenAsync(connectionString);
        var waiting = new[] { LockAsync(firstWaiter, "sleeping", stop.Token), LockAsync(secondWaiter, "theirs", stop.Token) };
        // Every one of them has now been in its state longer than the limit the check is given.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(0, await stores.EndStalledSessionsAsync(TimeSpan.FromSeconds(0.5), default));
        Assert.DoesNotContain(waiting.Append(sleeping), t => t.IsCompleted);
        await stop.CancelAsync();
        foreach (var call in waiting.Append(sleeping))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }
    }

    /// <summary>Row locks give the transaction an id: from then on a commit on that row waits.</summary>
    private static async Task UntilHoldingARowLockAsync(string connectionString, int backendPid)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await DirectSql.ScalarAsync(connectionString, $"SELECT backend_xid IS NOT NULL FROM pg_stat_activity WHERE pid = {backendPid}") != "True")
        {
            Assert.False(patience.IsCancellationRequested, $"backend {backendPid} took no row lock within 30 s");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = PostgresStores.DefaultApplicationName }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> LockAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"BEGIN; SELECT id FROM placement.jobs WHERE id = '{id}' FOR UPDATE", connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
