using PlacementEngine.Core;
using PlacementEngine.TestKit;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.Jobs;

namespace PlacementEngine.Storage.Sqlite.Tests;

/// <summary>The store conformance suite against real SQLite files, one per store, in a temp directory.</summary>
public sealed class SqliteJobStoreConformanceTests : DurableJobStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<IJobStore, string> _paths = [];
    private int _fileCount;

    protected override Task<IJobStore> CreateStoreAsync() =>
        Task.FromResult<IJobStore>(Open(_directory.File($"store-{Interlocked.Increment(ref _fileCount)}.db")));

    protected override async Task<IJobStore> ReopenStoreAsync(IJobStore store)
    {
        var path = _paths[store];
        await ((SqliteJobStore)store).DisposeAsync();
        _paths.Remove(store);
        return Open(path);
    }

    [Fact]
    public async Task Open_FileWrittenBeforeTeamChargesWereKept_FillsThemFromTheAttempts()
    {
        var store = await CreateStoreAsync();
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a1", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.1m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a2", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.2m);
        var held = await PlaceAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("b1", 1).Team("team-b").Obj()), StoreTestData.SpotPool, 1, 10, compute: 5m);
        var path = _paths[store];
        await ((SqliteJobStore)store).DisposeAsync();
        _paths.Remove(store);
        // The file as builds before schema step 3 left it: attempts ended and held, no team_charges.
        SqliteFile.Scalar(path, "DROP TABLE team_charges");
        SqliteFile.Scalar(path, "DELETE FROM schema_version WHERE version >= 3");

        var reopened = Open(path);

        Assert.Equal("0.3", SqliteFile.Scalar(path, "SELECT ended_cost FROM team_charges WHERE team = 'team-a'"));
        var charges = await reopened.GetTeamChargesAsync(None);
        JobAssert.SameMoney(Money.Of(0.3m), charges["team-a"]);
        JobAssert.SameMoney(held.Placement!.Cost.Total, charges["team-b"]);
    }

    /// <summary>The definition team_charges keeps current, summed over the attempts themselves.</summary>
    private const string ChargedAttempts = """
        SELECT j.team, CASE WHEN a.ended_at IS NOT NULL THEN a.actual_cost ELSE a.expected_cost END
        FROM attempts a JOIN jobs j ON j.id = a.job_id
        WHERE a.ended_at IS NOT NULL OR (a.attempt = j.attempt AND j.state IN ('placed', 'dispatched', 'running'))
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task GetTeamChargesAsync_AfterRandomLifecycles_EqualsTheSumOverTheAttempts(int seed)
    {
        var random = new Random(seed);
        var store = await CreateStoreAsync();
        var jobs = new List<Job>();
        for (var step = 0; step < 150; step++)
        {
            var live = jobs.Where(j => !j.State.IsTerminal()).ToList();
            if (live.Count == 0 || random.Next(5) == 0)
            {
                jobs.Add(await SubmitNewAsync(store, JobSpecs.Gpu($"job-{step}", 1).Team($"team-{random.Next(3)}").Obj()));
                continue;
            }
            var job = live[random.Next(live.Count)];
            var targets = JobStates.All.Where(s => JobLifecycle.CanTransition(job.State, s)).ToList();
            var to = targets[random.Next(targets.Count)];
            // Some steps end the attempt, as the cluster's report of a finished or lost run does; some leave it open.
            var next = to == JobState.Placed
                ? await PlaceAsync(store, job, random.Next(2) == 0 ? StoreTestData.SpotPool : StoreTestData.OnDemandPool, 1, 1_000, compute: random.Next(1, 2_000) / 100m)
                : await MoveAsync(store, job, to, running: random.Next(2) == 0, actualCost: random.Next(2) == 0 ? random.Next(0, 3_000) / 1_000m : null);
            jobs[jobs.IndexOf(job)] = next;
        }

        var expected = SqliteFile.Rows(_paths[store], ChargedAttempts)
            .GroupBy(row => row[0], row => decimal.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => Money.Of(g.Sum()));
        var charges = await store.GetTeamChargesAsync(None);

        Assert.Equal(expected.Where(e => e.Value != Money.Zero).OrderBy(e => e.Key), charges.OrderBy(e => e.Key));
    }

    public void Dispose()
    {
        foreach (var store in _paths.Keys)
        {
            ((SqliteJobStore)store).Dispose();
        }
        _directory.Dispose();
    }

    private SqliteJobStore Open(string path)
    {
        var store = SqliteJobStore.Open(path);
        _paths.Add(store, path);
        return store;
    }
}
