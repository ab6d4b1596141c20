using PlacementEngine.Storage.Sqlite.Database;

namespace PlacementEngine.Storage.Sqlite;

/// <summary>
/// The job store and the price book store on one SQLite file and one writer connection, so their writes queue
/// behind one gate instead of contending for the file lock. Disposing closes the file for both.
/// </summary>
public sealed class SqliteStores : IDisposable, IAsyncDisposable
{
    private SqliteStores(SqliteJobStore jobs, SqlitePriceBookStore priceBooks)
    {
        Jobs = jobs;
        PriceBooks = priceBooks;
    }

    public SqliteJobStore Jobs { get; }

    public SqlitePriceBookStore PriceBooks { get; }

    public static SqliteStores Open(string path) => Open(new SqliteStoreOptions { Path = path });

    /// <summary>Opens the file and brings its schema up to date. Throws <see cref="ArgumentException"/> naming every bad option.</summary>
    public static SqliteStores Open(SqliteStoreOptions options)
    {
        var jobs = SqliteJobStore.Open(options);
        return new SqliteStores(jobs, new SqlitePriceBookStore(jobs.Database, ownsDatabase: false));
    }

    internal static SqliteDatabase OpenDatabase(SqliteStoreOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid SQLite store options: {string.Join("; ", errors)}", nameof(options));
        }
        return SqliteDatabase.Open(options);
    }

    public void Dispose() => Jobs.Dispose();

    public ValueTask DisposeAsync() => Jobs.DisposeAsync();
}
