using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>
/// Two sets of stores on one database, each with its own connection pool, stand for two silos (a brief second
/// scheduler activation, say). What one process could guarantee with a lock in memory must hold between them.
/// </summary>
public sealed class TwoProcessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private const string Pool = JobSteps.Pool;
    private readonly OpenedStores _stores = new(postgres);
    private readonly JobSteps _steps = new();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task CommitAsync_TwoSilosReservingOnePoolAtOnce_NeverExceedItsMaximum()
    {
        var (first, second) = await TwoSilosAsync();
        const int MaxNodes = 10;
        var jobs = new List<Job>();
        for (var i = 0; i < 40; i++)
        {
            jobs.Add(await _steps.SubmitAsync(first, $"job-{i:00}"));
        }

        // Every job asks for 1 node, one commit each, half through each silo, all at once: 40 asked, 10 fit.
        var results = await AllAtOnceAsync(jobs.Select((job, i) => (Func<Task<CommitResult>>)(() =>
            (i % 2 == 0 ? first : second).Jobs.CommitAsync([_steps.PlaceUpdate(job, nodes: 1, MaxNodes)], default))));

        Assert.Equal(MaxNodes, results.Sum(r => r.Applied.Count));
        Assert.Equal(MaxNodes, (await second.Jobs.GetUsedNodesAsync(default))[Pool]);
        Assert.Equal(MaxNodes, (await first.Jobs.CountByStateAsync(default))[JobState.Placed]);
    }

    [Fact]
    public async Task CommitAsync_TwoSilosPlacingBatchesAtOnce_NeverExceedThePoolTogether()
    {
        var (first, second) = await TwoSilosAsync();
        const int MaxNodes = 12;
        var jobs = new List<Job>();
        for (var i = 0; i < 48; i++)
        {
            jobs.Add(await _steps.SubmitAsync(first, $"job-{i:00}"));
        }

        // Batches of three 2-node placements, as a scheduling cycle commits them, alternating between the silos.
        var results = await AllAtOnceAsync(jobs.Chunk(3).Select((batch, i) => (Func<Task<CommitResult>>)(() =>
            (i % 2 == 0 ? first : second).Jobs.CommitAsync([.. batch.Select(job => _steps.PlaceUpdate(job, nodes: 2, MaxNodes))], default))));

        Assert.Equal(MaxNodes / 2, results.Sum(r => r.Applied.Count));
        Assert.Equal(MaxNodes, (await first.Jobs.GetUsedNodesAsync(default))[Pool]);
    }

    [Fact]
    public async Task CommitAsync_TwoSilosMovingOneJobFromTheSameVersion_ApplyExactlyOne()
    {
        var (first, second) = await TwoSilosAsync();
        var job = await _steps.SubmitAsync(first, "contended");
        var (cancelled, toCancelled) = JobLifecycle.Transition(job, JobState.Cancelled, "cancelled by a user", _steps.Clock.GetUtcNow());
        var place = _steps.PlaceUpdate(job, nodes: 1, poolMaxNodes: 10);

        var results = await AllAtOnceAsync(
        [
            () => first.Jobs.CommitAsync([new JobUpdate(cancelled, toCancelled, job.Version)], default),
            () => second.Jobs.CommitAsync([place], default),
        ]);

        Assert.Equal(1, results.Sum(r => r.Applied.Count));
        Assert.Equal(1, results.Sum(r => r.Conflicts.Count));
        Assert.Equal(2, (await first.Jobs.GetTransitionsAsync(job.Id, default)).Count);
    }

    [Fact]
    public async Task SubmitAsync_IdenticalRetriesThroughTwoSilosAtOnce_CreateOneJob()
    {
        var (first, second) = await TwoSilosAsync();
        var spec = JobSpecs.Gpu("train", 8).Obj();
        var attempts = Enumerable.Range(0, 24).Select(i => Job.New(new JobId($"job-{i:00}"), spec, "nightly", _steps.Clock.GetUtcNow())).ToList();

        var outcomes = await AllAtOnceAsync(attempts.Select((job, i) => (Func<Task<SubmitOutcome>>)(() =>
            (i % 2 == 0 ? first : second).Jobs.SubmitAsync(job, "fingerprint", default))));

        var created = Assert.Single(outcomes, o => o.Status == SubmitStatus.Created);
        Assert.All(outcomes.Where(o => o != created), o => Assert.Equal((SubmitStatus.AlreadyExists, created.Job!.Id), (o.Status, o.Job!.Id)));
        Assert.Equal(1, (await second.Jobs.CountByStateAsync(default))[JobState.Pending]);
    }

    private async Task<(PostgresStores First, PostgresStores Second)> TwoSilosAsync()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        return (await _stores.OpenAsync(connectionString), await _stores.OpenAsync(connectionString));
    }

    /// <summary>Starts every call together on the thread pool, so they overlap as much as the machine allows.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(IEnumerable<Func<Task<T>>> calls)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = calls.Select(call => Task.Run(async () =>
        {
            await start.Task;
            return await call();
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }
}
