using System.Runtime.CompilerServices;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Database;
using PlacementEngine.Storage.Sqlite.PriceBooks;

namespace PlacementEngine.Storage.Sqlite;

/// <summary>
/// The embedded <see cref="IPriceBookStore"/>, in the same SQLite file as the jobs (<see cref="SqliteStores"/>
/// opens both on one connection set). Every write is one transaction, so an import that fails half way (a
/// duplicate key throws <see cref="ArgumentException"/> naming it) leaves no version behind and the active one
/// as it was. A version that only changes overrides borrows the rows of the version its data was read from
/// rather than copying them.
/// </summary>
public sealed class SqlitePriceBookStore : IPriceBookStore, IDisposable, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;

    // Catalog data this store read, by identity, with the version its rows are stored under. The lists inside
    // are read-only and held by no one else, so the same object coming back is the same rows, unchanged.
    private readonly ConditionalWeakTable<PriceCatalogData, StoredRows> _rowsOf = new();

    internal SqlitePriceBookStore(SqliteDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    public static SqlitePriceBookStore Open(string path) => Open(new SqliteStoreOptions { Path = path });

    /// <summary>Opens (creating if needed) the file on its own; to share the file with the job store use <see cref="SqliteStores.Open(SqliteStoreOptions)"/>.</summary>
    public static SqlitePriceBookStore Open(SqliteStoreOptions options) => new(SqliteStores.OpenDatabase(options), ownsDatabase: true);

    public async Task<PriceBookInfo> CreateAsync(
        PriceCatalogData data,
        IReadOnlyList<PriceOverride> overrides,
        string createdBy,
        string comment,
        string source,
        bool activate,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        long? shared = _rowsOf.TryGetValue(data, out var rows) ? rows.Version : null;
        var book = NewPriceBook.Checked(data, shared, overrides, createdBy, comment, source, activate, at);
        var (info, _) = await _database.WriteAsync(tx => PriceBookWrites.CreateAsync(tx, book, cancellationToken), cancellationToken);
        return info;
    }

    public Task<IReadOnlyList<PriceBookInfo>> ListAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(c => PriceBookReads.ListAsync(c, cancellationToken), cancellationToken);

    public async Task<StoredPriceBook?> GetAsync(long version, CancellationToken cancellationToken)
    {
        var found = await _database.ReadAsync(c => PriceBookReads.GetAsync(c, version, cancellationToken), cancellationToken);
        if (found is not { } stored)
        {
            return null;
        }
        _rowsOf.AddOrUpdate(stored.Book.Data, new StoredRows(stored.RowsVersion));
        return stored.Book;
    }

    public Task<long?> GetActiveVersionAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(c => PriceBookReads.ActiveVersionAsync(c, cancellationToken), cancellationToken);

    public Task<bool> ActivateAsync(long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return _database.WriteAsync(tx => PriceBookWrites.TryActivateAsync(tx, version, by, at, cancellationToken), cancellationToken);
    }

    /// <summary>Closes the file when this store opened it; a store sharing the job store's file leaves that to the job store.</summary>
    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    public ValueTask DisposeAsync() => _ownsDatabase ? _database.DisposeAsync() : ValueTask.CompletedTask;

    private sealed record StoredRows(long Version);
}
