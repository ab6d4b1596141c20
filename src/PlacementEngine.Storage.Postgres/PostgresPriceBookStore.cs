using System.Runtime.CompilerServices;
using Npgsql;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres.PriceBooks;
using NewPriceBook = PlacementEngine.Storage.Sqlite.PriceBooks.NewPriceBook;

namespace PlacementEngine.Storage.Postgres;

/// <summary>
/// The scale-out <see cref="IPriceBookStore"/>, beside the jobs in PostgreSQL. Every write is one transaction, so
/// an import that fails (a duplicate key throws <see cref="ArgumentException"/> naming it) leaves no version
/// behind and the active one as it was. A version that only changes overrides borrows the rows of the version
/// its data was read from rather than copying them. Opened by <see cref="PostgresStores"/>.
/// </summary>
public sealed class PostgresPriceBookStore : IPriceBookStore
{
    private readonly NpgsqlDataSource _dataSource;

    // Catalog data this store read, by identity, with the version its rows are stored under. The lists inside
    // are read-only and held by no one else, so the same object coming back is the same rows, unchanged.
    private readonly ConditionalWeakTable<PriceCatalogData, StrongBox<long>> _rowsOf = new();

    internal PostgresPriceBookStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

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
        long? shared = _rowsOf.TryGetValue(data, out var rows) ? rows.Value : null;
        var book = NewPriceBook.Checked(data, shared, overrides, createdBy, comment, source, activate, at);
        var (info, _) = await PriceBookWrites.CreateAsync(_dataSource, book, cancellationToken);
        return info;
    }

    public async Task<IReadOnlyList<PriceBookInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PriceBookReads.ListAsync(connection, cancellationToken);
    }

    public async Task<StoredPriceBook?> GetAsync(long version, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (await PriceBookReads.GetAsync(connection, version, cancellationToken) is not { } stored)
        {
            return null;
        }
        _rowsOf.AddOrUpdate(stored.Book.Data, new StrongBox<long>(stored.RowsVersion));
        return stored.Book;
    }

    public async Task<long?> GetActiveVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PriceBookReads.ActiveVersionAsync(connection, cancellationToken);
    }

    public Task<bool> ActivateAsync(long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return PriceBookWrites.TryActivateAsync(_dataSource, version, by, at, cancellationToken);
    }
}
