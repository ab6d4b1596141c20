using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Schema;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Sqlite.Tests;

/// <summary>What only the SQLite store promises: its file format, schema steps, one process per file, locking and file handling.</summary>
public sealed class SqliteJobStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    private string DbPath => _directory.File("placement.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Open_NewFile_JournalsAheadOfWrites()
    {
        using (SqliteJobStore.Open(DbPath))
        {
        }

        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public void Open_ExistingFile_AppliesEachSchemaStepOnce()
    {
        using (SqliteJobStore.Open(DbPath))
        {
        }
        using (SqliteJobStore.Open(DbPath))
        {
        }

        Assert.Equal(Migrations.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(Migrations.Latest.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public void Open_FileFromNewerBuild_Refuses()
    {
        using (SqliteJobStore.Open(DbPath))
        {
        }
        Execute($"INSERT INTO schema_version (version, description, applied_at) VALUES ({Migrations.Latest + 1}, 'future', '')");

        var error = Assert.Throws<InvalidOperationException>(() => SqliteJobStore.Open(DbPath));

        Assert.Contains("newer build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BadOptions_ThrowsNamingEveryBadOption()
    {
        var options = new SqliteStoreOptions { Path = _directory.File("missing/placement.db"), BusyTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => SqliteJobStore.Open(options));

        Assert.Contains("Path:", error.Message, StringComparison.Ordinal);
        Assert.Contains("BusyTimeout:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_Placement_StoresMoneyAsExactDecimalText()
    {
        using (var store = SqliteJobStore.Open(DbPath))
        {
            var job = Job.New(new JobId("job-1"), JobSpecs.Gpu("train", 8).MaxHourly(20.10m).Obj(), "k", Now);
            await store.SubmitAsync(job, "fp", CancellationToken.None);
            var placement = new Placement("c", "c/p/spot", new RegionId(Cloud.Aws, "us-west-2"), "p4d.24xlarge", CapacityType.Spot, 1,
                new CostBreakdown(Money.Of(0.1m), 1, 1m, Money.Of(0.1m), Money.Of(0.2m), Money.Zero), 1);
            var (next, transition) = JobLifecycle.Place(job, placement, Now);
            await store.CommitAsync([new JobUpdate(next, transition, 1, new Reservation(placement.Pool, 1, 1))], CancellationToken.None);
        }

        // 0.1 + 0.2 in floating point would be 0.30000000000000004.
        Assert.Equal("text|0.3", Scalar("SELECT typeof(expected_cost) || '|' || expected_cost FROM attempts"));
        Assert.Contains("\"max_hourly_price\":\"20.10\"", Scalar("SELECT spec FROM jobs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileAnotherStoreHasOpen_RefusesNamingTheFile()
    {
        using var first = SqliteJobStore.Open(DbPath);

        var error = Assert.Throws<DatabaseInUseException>(() => SqliteJobStore.Open(DbPath));

        Assert.Contains($"database '{DbPath}' is in use by another PlacementEngine process", error.Message, StringComparison.Ordinal);
        Assert.Equal(DbPath, error.DatabasePath);
    }

    [Fact]
    public async Task Open_AfterTheHolderIsDisposed_Opens()
    {
        await using (var first = SqliteJobStore.Open(DbPath))
        {
            await first.SubmitAsync(Job.New(new JobId("job-1"), JobSpecs.Gpu("train", 1).Obj(), "k", Now), "fp", CancellationToken.None);
        }

        await using var second = SqliteJobStore.Open(DbPath);

        Assert.NotNull(await second.GetAsync(new JobId("job-1"), CancellationToken.None));
    }

    [Fact]
    public async Task SubmitAsync_WhileAnotherConnectionOfTheProcessWrites_WaitsForItAndStores()
    {
        await using var store = SqliteJobStore.Open(DbPath);
        Task<SubmitOutcome> submission;
        using (var foreign = GroupCommit.ForeignWriter.HoldWriteLock(DbPath))
        {
            submission = store.SubmitAsync(Job.New(new JobId("job-1"), JobSpecs.Gpu("train", 1).Obj(), "k", Now), "fp", CancellationToken.None);
            foreign.Release();
        }

        Assert.Equal(SubmitStatus.Created, (await submission).Status);
    }

    [Fact]
    public async Task Dispose_ClosesEveryHandleOnTheFile()
    {
        var store = SqliteJobStore.Open(DbPath);
        // A write too: the writer keeps its statements prepared, and holds the lock file beside the database.
        await store.SubmitAsync(Job.New(new JobId("job-1"), JobSpecs.Gpu("train", 1).Obj(), "k", Now), "fp", CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.CountByStateAsync(CancellationToken.None))));

        store.Dispose();

        Assert.DoesNotContain(OpenFilesOfThisProcess(), f => f.StartsWith(DbPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_AfterDispose_ThrowsObjectDisposed()
    {
        var store = SqliteJobStore.Open(DbPath);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync(new JobId("job-1"), CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SubmitAsync(Job.New(new JobId("job-1"), JobSpecs.Gpu("t", 1).Obj(), "k", Now), "fp", CancellationToken.None));
    }

    private static List<string> OpenFilesOfThisProcess()
    {
        // Linux names each open descriptor in /proc; elsewhere this check has nothing to look at.
        var descriptors = new DirectoryInfo("/proc/self/fd");
        if (!descriptors.Exists)
        {
            return [];
        }
        return descriptors.EnumerateFileSystemInfos().Select(d => d.LinkTarget).OfType<string>().ToList();
    }

    private string? Scalar(string sql) => SqliteFile.Scalar(DbPath, sql);

    private void Execute(string sql) => Scalar(sql);
}
