using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.PriceBooks;

namespace PlacementEngine.Storage.Sqlite.Tests.PriceBooks;

/// <summary>The price book conformance suite against real SQLite files, one per store, in a temp directory.</summary>
public sealed class SqlitePriceBookStoreConformanceTests : DurablePriceBookStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<IPriceBookStore, string> _paths = [];
    private int _fileCount;

    protected override Task<IPriceBookStore> CreateStoreAsync() =>
        Task.FromResult<IPriceBookStore>(Open(_directory.File($"books-{Interlocked.Increment(ref _fileCount)}.db")));

    protected override async Task<IPriceBookStore> ReopenStoreAsync(IPriceBookStore store)
    {
        var path = _paths[store];
        await ((SqlitePriceBookStore)store).DisposeAsync();
        _paths.Remove(store);
        return Open(path);
    }

    public void Dispose()
    {
        foreach (var store in _paths.Keys)
        {
            ((SqlitePriceBookStore)store).Dispose();
        }
        _directory.Dispose();
    }

    private SqlitePriceBookStore Open(string path)
    {
        var store = SqlitePriceBookStore.Open(path);
        _paths.Add(store, path);
        return store;
    }
}
