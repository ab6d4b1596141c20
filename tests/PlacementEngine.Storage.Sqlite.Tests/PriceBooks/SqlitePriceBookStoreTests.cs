using Microsoft.Data.Sqlite;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite.Tests.GroupCommit;
using PlacementEngine.TestKit;
using PlacementEngine.Storage.Conformance.PriceBooks;
using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Sqlite.Tests.PriceBooks;

/// <summary>What only the SQLite price book store promises: its scale, how it shares rows, and sharing the job store's file.</summary>
public sealed class SqlitePriceBookStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DbPath => _directory.File("placement.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Create_FullSizeCatalog_StoresEveryRowExactly()
    {
        var catalog = SyntheticCatalog.Of(SyntheticCatalog.FullSize);
        await using var store = SqlitePriceBookStore.Open(DbPath);

        var info = await store.CreateAsync(catalog, [], "alice", "synthetic", "test", true, At, default);
        var stored = await store.GetAsync(info.Version, default);

        Assert.Equal(SyntheticCatalog.FullSize, info.PriceCount);
        Assert.Equal(Text(catalog), Text(stored!.Data));
        Assert.Equal(SyntheticCatalog.FullSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar("SELECT COUNT(*) FROM prices"));
    }

    [Fact]
    public async Task Create_WithDataReadFromAVersion_BorrowsItsRowsInsteadOfCopying()
    {
        await using var store = SqlitePriceBookStore.Open(DbPath);
        await store.CreateAsync(FullCatalog(), [], "alice", "import", "test", true, At, default);
        var first = await store.GetAsync(1, default);

        await store.CreateAsync(first!.Data, FullOverrides(), "bob", "override", "override set", true, At, default);
        var second = await store.GetAsync(2, default);
        await store.CreateAsync(second!.Data, [], "bob", "override removed", "override removed", true, At, default);

        Assert.Equal("6", Scalar("SELECT COUNT(*) FROM prices"));
        Assert.Equal("1,1,1", Scalar("SELECT group_concat(rows_version) FROM (SELECT rows_version FROM price_books ORDER BY version)"));
        Assert.Equal(Text(FullCatalog()), Text((await store.GetAsync(3, default))!.Data));
    }

    [Fact]
    public async Task Create_WithEqualButNewData_CopiesTheRows()
    {
        await using var store = SqlitePriceBookStore.Open(DbPath);

        await store.CreateAsync(FullCatalog(), [], "alice", "import", "test", true, At, default);
        await store.CreateAsync(FullCatalog(), [], "alice", "import again", "test", true, At, default);

        Assert.Equal("12", Scalar("SELECT COUNT(*) FROM prices"));
    }

    [Fact]
    public async Task Activate_IsLoggedWithWhoAndWhen()
    {
        await using var store = SqlitePriceBookStore.Open(DbPath);
        await store.CreateAsync(Single(1m), [], "alice", "", "test", true, At, default);
        await store.CreateAsync(Single(2m), [], "alice", "", "test", true, At.AddMinutes(1), default);

        await store.ActivateAsync(1, "bob", At.AddMinutes(2), default);

        Assert.Equal(
            "1 alice 2026-01-05T09:00:00.0000000Z;2 alice 2026-01-05T09:01:00.0000000Z;1 bob 2026-01-05T09:02:00.0000000Z",
            Scalar("SELECT group_concat(line, ';') FROM (SELECT version || ' ' || activated_by || ' ' || activated_at AS line FROM price_book_activations ORDER BY seq)"));
    }

    [Fact]
    public async Task Stores_ShareOneFile_AndBothKeepTheirDataAcrossReopen()
    {
        var spec = JobSpecs.Gpu("train", 8, "A100").Obj();
        var job = Job.New(new JobId("job-1"), spec, "key-1", At);
        await using (var stores = SqliteStores.Open(DbPath))
        {
            var submitted = stores.Jobs.SubmitAsync(job, "fingerprint", default);
            var imported = stores.PriceBooks.CreateAsync(FullCatalog(), FullOverrides(), "alice", "", "test", true, At, default);
            await Task.WhenAll(submitted, imported);
        }

        await using var reopened = SqliteStores.Open(DbPath);

        Assert.NotNull(await reopened.Jobs.GetAsync(job.Id, default));
        Assert.Equal(Text(FullCatalog()), Text((await reopened.PriceBooks.GetAsync(1, default))!.Data));
    }

    [Fact]
    public async Task Stores_OpenedApartOnOneFile_SecondRefusesNamingTheFile()
    {
        // Apart they would have two writers on one file; SqliteStores opens both on one.
        await using var jobs = SqliteJobStore.Open(DbPath);

        var error = Assert.Throws<DatabaseInUseException>(() => SqlitePriceBookStore.Open(DbPath));

        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_ImportFailingInABatchOfSubmissions_LeavesNoBookAndEverySubmissionStored()
    {
        await using var stores = SqliteStores.Open(DbPath);
        var prices = FullCatalog().Prices.ToList();
        prices.Insert(4, prices[1]);
        var plug = await WriterPlug.InsertAsync(work => stores.Jobs.Database.WriteAsync(work, default));
        var submissions = Enumerable.Range(0, 20).Select(i => Submit(stores.Jobs, i)).ToList();
        var import = stores.PriceBooks.CreateAsync(FullCatalog() with { Prices = prices }, [], "alice", "", "test", true, At, default);
        submissions.AddRange(Enumerable.Range(20, 20).Select(i => Submit(stores.Jobs, i)));
        await plug.ReleaseAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => import);

        Assert.All(await Task.WhenAll(submissions), o => Assert.Equal(SubmitStatus.Created, o.Status));
        Assert.Equal("0|40", Scalar("SELECT (SELECT COUNT(*) FROM prices) || '|' || (SELECT COUNT(*) FROM jobs)"));
    }

    [Fact]
    public void Open_BadOptions_ThrowsNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => SqlitePriceBookStore.Open(new SqliteStoreOptions { Path = ":memory:" }));

        Assert.Contains("Path:", error.Message, StringComparison.Ordinal);
    }

    private static Task<SubmitOutcome> Submit(SqliteJobStore jobs, int i) =>
        jobs.SubmitAsync(Job.New(new JobId($"job-{i}"), JobSpecs.Gpu("train", 8).Obj(), $"key-{i}", At), "fp", default);

    private string? Scalar(string sql) => SqliteFile.Scalar(DbPath, sql);
}
