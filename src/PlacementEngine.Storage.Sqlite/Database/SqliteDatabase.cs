using System.Globalization;
using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Schema;

namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// One SQLite file: a single long-lived writer connection behind an async gate (SQLite has one writer at a
/// time; queuing writers here is cheaper and fairer than making them spin on the file lock), and pooled
/// connections for reads, which WAL lets run alongside the writer.
/// </summary>
internal sealed class SqliteDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _disposed;

    private SqliteDatabase(string connectionString, SqliteConnection writer)
    {
        _connectionString = connectionString;
        _writer = writer;
    }

    public static SqliteDatabase Open(SqliteStoreOptions options)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            ConfigureWriter(writer, options.BusyTimeout);
            SchemaMigrator.Migrate(writer);
            return new SqliteDatabase(connectionString, writer);
        }
        catch
        {
            writer.Dispose();
            SqliteConnection.ClearPool(writer);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction (BEGIN IMMEDIATE, so the write lock is taken up front
    /// and a read inside can never fail to upgrade) and commits. Returns only once the commit is durable.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction(deferred: false);
            var result = await work(transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection; one statement sees one consistent snapshot.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return await work(connection);
    }

    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            Close();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            Close();
        }
        finally
        {
            _writeGate.Release();
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

    private void Close()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _writer.Dispose();
        // Pooled readers would otherwise keep the file open after the store is gone.
        SqliteConnection.ClearPool(_writer);
    }
}
