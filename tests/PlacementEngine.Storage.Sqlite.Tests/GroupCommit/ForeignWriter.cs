using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Tests.GroupCommit;

/// <summary>
/// Another connection of this process (as Orleans' reminders will be) holding the file's write lock, so that the
/// store's writes pile up in its queue until <see cref="Release"/>: that makes which writes share a batch certain.
/// </summary>
internal sealed class ForeignWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private ForeignWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static ForeignWriter HoldWriteLock(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return new ForeignWriter(connection, connection.BeginTransaction(deferred: false));
    }

    public void Release()
    {
        _transaction?.Commit();
        _transaction = null;
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }
}
