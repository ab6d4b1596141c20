using System.Globalization;
using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Schema;

namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// One SQLite file, used by this process alone (<see cref="ProcessLock"/>): a single long-lived writer connection
/// fed by the group commit (SQLite has one writer at a time; queuing writes here is cheaper and fairer than
/// making them spin on the file lock, and lets them share a commit), and pooled connections for reads, which
/// WAL lets run alongside the writer.
/// </summary>
internal sealed class SqliteDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly GroupCommitWriter _writes;
    private readonly ProcessLock _lock;
    private readonly object _closing = new();
    private Task? _closed;
    private volatile bool _disposed;

    private SqliteDatabase(string connectionString, SqliteConnection writer, ProcessLock processLock)
    {
        _connectionString = connectionString;
        _writer = writer;
        _lock = processLock;
        _writes = new GroupCommitWriter(writer);
    }

    /// <summary>Throws <see cref="DatabaseInUseException"/> when another open store holds the file.</summary>
    public static SqliteDatabase Open(SqliteStoreOptions options)
    {
        var path = Path.GetFullPath(options.Path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        // Before touching the database: a second process must not even migrate a file another one serves.
        var processLock = ProcessLock.Acquire(path);
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            ConfigureWriter(writer, options.BusyTimeout);
            SchemaMigrator.Migrate(writer);
            return new SqliteDatabase(connectionString, writer, processLock);
        }
        catch
        {
            writer.Dispose();
            SqliteConnection.ClearPool(writer);
            processLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction, possibly shared with other writes (each in its own
    /// savepoint, so its failure undoes only its own changes), and returns once the commit is durable.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.WriteAsync(work, cancellationToken);

    /// <summary>Write transactions committed since the file was opened.</summary>
    public long Commits => _writes.Commits;

    /// <summary>Runs <paramref name="work"/> on a pooled connection; one statement sees one consistent snapshot.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>Writes already queued are committed (or fail) first; later ones throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => CloseAsync().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => new(CloseAsync());

    private Task CloseAsync()
    {
        lock (_closing)
        {
            return _closed ??= DrainThenCloseAsync();
        }
    }

    private async Task DrainThenCloseAsync()
    {
        await _writes.CompleteAsync().ConfigureAwait(false);
        _disposed = true;
        _writer.Dispose();
        // Pooled readers would otherwise keep the file open after the store is gone.
        SqliteConnection.ClearPool(_writer);
        _lock.Dispose();
    }

    /// <summary>
    /// WAL keeps readers off the writer's back; synchronous=FULL syncs the log on every commit, so an
    /// acknowledged write survives kill -9 and power loss alike.
    /// </summary>
    private static void ConfigureWriter(SqliteConnection writer, TimeSpan busyTimeout)
    {
        // First, so that switching the journal waits for another process opening the same file.
        var milliseconds = ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        Pragma(writer, $"PRAGMA busy_timeout = {milliseconds}");
        var mode = Pragma(writer, "PRAGMA journal_mode = WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journaling for {writer.DataSource} (it reports '{mode}')");
        }
        Pragma(writer, "PRAGMA synchronous = FULL");
        Pragma(writer, "PRAGMA foreign_keys = ON");
    }

    private static string? Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.Command(pragma);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
