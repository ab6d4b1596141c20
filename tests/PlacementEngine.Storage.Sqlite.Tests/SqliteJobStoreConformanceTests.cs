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
