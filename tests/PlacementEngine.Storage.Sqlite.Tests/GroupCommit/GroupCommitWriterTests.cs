using Microsoft.Data.Sqlite;
using PlacementEngine.Storage.Sqlite.Database;

namespace PlacementEngine.Storage.Sqlite.Tests.GroupCommit;

/// <summary>How the group commit fails a batch it cannot store: every write in it is told, none is acknowledged.</summary>
public sealed class GroupCommitWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteConnection _connection;
    private readonly GroupCommitWriter _writer;

    public GroupCommitWriterTests()
    {
        _connection = new SqliteConnection($"Data Source={DbPath};Pooling=False;Foreign Keys=True");
        _connection.Open();
        using var command = _connection.CreateCommand();
        // The deferred key is checked only at COMMIT: a write can make the whole commit fail.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            """;
        command.ExecuteNonQuery();
        _writer = new GroupCommitWriter(_connection);
    }

    private string DbPath => _directory.File("writer.db");

    public void Dispose()
    {
        _writer.CompleteAsync().GetAwaiter().GetResult();
        _connection.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Commit_FailsForOneWrite_EveryWriteOfTheBatchFailsWithNothingStored()
    {
        var plug = await PlugAsync();
        var parent = Write("INSERT INTO parent (id) VALUES (1)");
        var orphan = Write("INSERT INTO child (id, parent) VALUES (1, 99)");
        await plug.ReleaseAsync();

        var error = await Assert.ThrowsAsync<StoreWriteException>(() => parent);
        await Assert.ThrowsAsync<StoreWriteException>(() => orphan);
        Assert.Contains("was not stored", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Equal(0L, await CountAsync("parent"));
    }

    [Fact]
    public async Task WriteThatEndsTheTransaction_FailsTheBatch_AndTheWriterCarriesOn()
    {
        var plug = await PlugAsync();
        var before = Write("INSERT INTO parent (id) VALUES (1)");
        // Stands in for an I/O error, after which SQLite has rolled the whole transaction back by itself.
        var breaker = Write("ROLLBACK");
        var after = Write("INSERT INTO parent (id) VALUES (2)");
        await plug.ReleaseAsync();

        await Assert.ThrowsAsync<StoreWriteException>(() => before);
        Assert.IsNotType<StoreWriteException>(await Assert.ThrowsAnyAsync<Exception>(() => breaker));
        await Assert.ThrowsAsync<StoreWriteException>(() => after);
        Assert.Equal(1, await Write("INSERT INTO parent (id) VALUES (3)"));
        Assert.Equal(1L, await CountAsync("parent"));
    }

    private Task<WriterPlug> PlugAsync() => WriterPlug.InsertAsync(work => _writer.WriteAsync(work, CancellationToken.None));

    private Task<int> Write(string sql) => _writer.WriteAsync(tx => ExecuteAsync(tx, sql), CancellationToken.None);

    private static async Task<int> ExecuteAsync(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
