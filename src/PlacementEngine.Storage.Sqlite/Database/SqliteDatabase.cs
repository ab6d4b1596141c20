using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Schema;

namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// One SQLite file, used by this process alone (<see cref="ProcessLock"/>): a single long-lived writer connection
/// fed by the group commit (SQLite has one writer at a time; queuing writes here is cheaper and fairer than
/// making them spin on the file lock, and lets them share a commit), and connections for reads, which WAL lets run
/// alongside the writer. Readers are kept open here rather than in the driver's pool, so the statements a reader
/// prepared stay prepared for the next read (<see cref="SqlCommands.QueryPreparedAsync{T}"/>).
/// </summary>
internal sealed class SqliteDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly GroupCommitWriter _writes;
    private readonly ProcessLock _lock;
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
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

    /// <summary>Idle readers kept open; more are opened while many reads run at once, then closed on return.</summary>
    public const int MaxIdleReaders = 16;

    /// <summary>
    /// Runs <paramref name="work"/> on a reader no other read uses meanwhile; one statement sees one consistent
    /// snapshot. A reader whose work failed is closed rather than lent again.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idleReaders.TryTake(out var connection))
        {
            connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
        }
        var reusable = false;
        try
        {
            var result = await work(connection);
            reusable = true;
            return result;
        }
        finally
        {
            if (reusable && !_disposed && _idleReaders.Count < MaxIdleReaders)
            {
                _idleReaders.Add(connection);
                if (_disposed)
                {
                    CloseIdleReaders(); // the store closed while this read ran
                }
            }
            else
            {
                connection.Dispose();
            }
        }
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
        CloseIdleReaders();
        // Pooled readers would otherwise keep the file open after the store is gone.
        SqliteConnection.ClearPool(_writer);
        _lock.Dispose();
    }

    private void CloseIdleReaders()
    {
        while (_idleReaders.TryTake(out var reader))
        {
            reader.Dispose();
        }
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
