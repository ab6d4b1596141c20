using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using PlacementEngine.Silo.AdoNet.Schema;
using PlacementEngine.Silo.AdoNet.Tests.Silos;

namespace PlacementEngine.Silo.AdoNet.Tests;

public sealed class EmbeddedSqliteRemindersTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pe-orleans-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "placement.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    [Fact]
    public async Task EnsureSqlite_RunTwiceOnAFileWithJobs_CreatesReminderTablesAndLeavesTheJobsAlone()
    {
        await ExecuteAsync("CREATE TABLE jobs (id TEXT PRIMARY KEY, state TEXT NOT NULL); INSERT INTO jobs VALUES ('job-1', 'Pending');");

        await OrleansSchema.EnsureSqliteAsync(ConnectionString);
        await OrleansSchema.EnsureSqliteAsync(ConnectionString);

        Assert.Equal("job-1:Pending", await ScalarAsync("SELECT id || ':' || state FROM jobs"));
        Assert.Equal(SqliteOrleansSql.Queries.Count.ToString(), await ScalarAsync("SELECT count(*) FROM OrleansQuery"));
        Assert.Equal("0", await ScalarAsync("SELECT count(*) FROM orleans_reminders"));
    }

    [Fact]
    public async Task Reminder_SiloRestartedOnTheSameFile_IsStillRegisteredAndFires()
    {
        using (var first = TestSilo.Embedded(DatabasePath))
        {
            await first.StartAsync();
            await first.Probe("survivor").RemindEveryAsync(TimeSpan.FromSeconds(1));
            await first.StopAsync();
        }
        Assert.Equal("1", await ScalarAsync("SELECT count(*) FROM orleans_reminders"));

        using var second = TestSilo.Embedded(DatabasePath);
        await second.StartAsync();
        try
        {
            Assert.True(await second.Probe("survivor").HasReminderAsync());
            await Eventually.HoldsAsync(() => Task.FromResult(second.Ticks("survivor")), ticks => ticks > 0, "the reminder fires on the restarted silo");
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task Reminder_Unregistered_RowIsDeleted()
    {
        using var silo = TestSilo.Embedded(DatabasePath);
        await silo.StartAsync();
        await silo.Probe("forgotten").RemindEveryAsync(TimeSpan.FromMinutes(5));
        Assert.Equal("1", await ScalarAsync("SELECT count(*) FROM orleans_reminders"));

        await silo.Probe("forgotten").ForgetReminderAsync();

        Assert.Equal("0", await ScalarAsync("SELECT count(*) FROM orleans_reminders"));
        await silo.StopAsync();
    }

    [Fact]
    public async Task ReminderTable_RangeReads_MatchTheHashRing()
    {
        await OrleansSchema.EnsureSqliteAsync(ConnectionString);
        using var silo = TestSilo.Embedded(DatabasePath);

        await ReminderTableContract.RangeReadsMatchTheHashRingAsync(silo);
    }

    [Fact]
    public async Task ReminderTable_Remove_ChecksTheETag()
    {
        await OrleansSchema.EnsureSqliteAsync(ConnectionString);
        using var silo = TestSilo.Embedded(DatabasePath);

        await ReminderTableContract.RemovalChecksTheETagAsync(silo);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
