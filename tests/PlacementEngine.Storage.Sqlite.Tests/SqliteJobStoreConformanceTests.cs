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
    public async Task Open_FileWrittenBeforeTeamSpendWasKept_FillsItFromTheEndedAttempts()
    {
        var store = await CreateStoreAsync();
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a1", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.1m);
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a2", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.2m);
        var path = _paths[store];
        await ((SqliteJobStore)store).DisposeAsync();
        _paths.Remove(store);
        // The file as builds before schema step 3 left it: attempts ended, no team_spend.
        SqliteFile.Scalar(path, "DROP TABLE team_spend");
        SqliteFile.Scalar(path, "DELETE FROM schema_version WHERE version >= 3");

        var reopened = Open(path);

        Assert.Equal("0.3", SqliteFile.Scalar(path, "SELECT ended_cost FROM team_spend WHERE team = 'team-a'"));
        JobAssert.SameMoney(Money.Of(0.3m), (await reopened.GetTeamChargesAsync(None))["team-a"]);
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
