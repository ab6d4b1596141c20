using Npgsql;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The private PostgreSQL server the store and multi-silo tests stand on: it starts, isolates, and goes away.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task StartAsync_TwoDatabases_EachAnswersAndDisposeStopsTheServerAndRemovesItsFolder()
    {
        var server = await PostgresServer.StartAsync();
        var pid = server.Pid;
        var folder = server.DataDirectory;
        try
        {
            var first = await server.CreateDatabaseAsync();
            var second = await server.CreateDatabaseAsync();
            Assert.NotEqual(first, second);
            await using (var connection = new NpgsqlConnection(first))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE t (x int); INSERT INTO t VALUES (1)", connection);
                await create.ExecuteNonQueryAsync();
            }
            await using (var connection = new NpgsqlConnection(second))
            {
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 't'", connection);
                Assert.Equal(0L, await count.ExecuteScalarAsync());
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
        Assert.NotEqual(0, pid);
        Assert.False(Directory.Exists(folder));
        Assert.False(IsRunning(pid), $"PostgreSQL (pid {pid}) still runs after dispose");
    }

    /// <summary>Gone, or a zombie: a daemon whose parent exited is reparented to PID 1, which may never reap it here.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].Trim()[0] != 'Z';
    }
}
