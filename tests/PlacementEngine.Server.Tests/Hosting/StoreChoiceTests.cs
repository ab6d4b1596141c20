using PlacementEngine.Server.Hosting;

namespace PlacementEngine.Server.Tests.Hosting;

/// <summary>--store and --postgres (or PLACEMENT_STORE and PLACEMENT_POSTGRES): SQLite unless PostgreSQL is asked for with a usable connection string.</summary>
public sealed class StoreChoiceTests
{
    private const string Connection = "Host=127.0.0.1;Port=5432;Username=placement;Password=secret-value;Database=placement";

    private static (ServerOptions? Options, IReadOnlyList<string> Errors) From(params (string Key, string Value)[] values) => ServerOptionsTests.From(values);

    [Fact]
    public void From_NoStore_IsTheSqliteFile()
    {
        var (options, errors) = From();

        Assert.Empty(errors);
        Assert.Equal(StoreChoice.Sqlite, options!.Store);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("Postgres")]
    public void From_StorePostgresWithConnectionString_ChoosesPostgres(string store)
    {
        var (options, errors) = From(("store", store), ("postgres", Connection));

        Assert.Empty(errors);
        Assert.Equal(new StoreChoice(StoreKind.Postgres, Connection), options!.Store);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("Host=127.0.0.1;No Such Keyword=1", "cannot be read")]
    [InlineData("Database=placement", "names no Host")]
    public void From_StorePostgresWithoutUsableConnectionString_NamesTheProblem(string connectionString, string problem)
    {
        var (options, errors) = From(("store", "postgres"), ("postgres", connectionString));

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.StartsWith("--postgres:", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void From_UnknownStore_IsRefused()
    {
        var (options, errors) = From(("store", "mysql"));

        Assert.Null(options);
        Assert.Equal(["--store 'mysql': expected sqlite or postgres"], errors);
    }

    [Fact]
    public void From_ConnectionStringWithoutStorePostgres_IsRefusedRatherThanIgnored()
    {
        var (options, errors) = From(("postgres", Connection));

        Assert.Null(options);
        Assert.Contains("--postgres is read only with --store postgres", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void From_BadConnectionString_ErrorDoesNotRepeatIt()
    {
        var (_, errors) = From(("store", "postgres"), ("postgres", "Password=secret-value;Database=placement"));

        Assert.DoesNotContain("secret-value", Assert.Single(errors), StringComparison.Ordinal);
    }
}
