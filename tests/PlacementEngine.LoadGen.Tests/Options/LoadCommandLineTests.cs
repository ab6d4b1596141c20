using PlacementEngine.LoadGen.Options;

namespace PlacementEngine.LoadGen.Tests.Options;

public class LoadCommandLineTests
{
    private static (LoadOptions? Options, IReadOnlyList<string> Errors) Read(string? environmentToken, params string[] args) =>
        LoadCommandLine.Read(LoadCommandLine.Command.Parse(args), environmentToken);

    [Fact]
    public void Read_NoArguments_ClosedLoopSubmitsForTenSecondsWithTheDemoToken()
    {
        var (options, errors) = Read(null);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal([new Uri("http://127.0.0.1:50051")], options.Targets);
        Assert.Equal(LoadMode.Throughput, options.Mode);
        Assert.Equal(CallKind.Submit, options.Call);
        Assert.Equal(16, options.Concurrency);
        Assert.Equal(1, options.Connections);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
        Assert.Null(options.Count);
        Assert.Null(options.Rate);
        Assert.Equal("dev-ml-research-token", options.Token);
    }

    [Fact]
    public void Read_EveryOption_IsCarriedOver()
    {
        var (options, errors) = Read(null,
            "--target", "http://10.0.0.1:6000", "--token", "abc", "--call", "both", "--concurrency", "64", "--connections", "4",
            "--duration", "2.5", "--count", "500", "--rate", "1000", "--warmup", "0", "--format", "csv", "--call-timeout", "3");

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal([new Uri("http://10.0.0.1:6000")], options.Targets);
        Assert.Equal("abc", options.Token);
        Assert.Equal(CallKind.Both, options.Call);
        Assert.Equal(64, options.Concurrency);
        Assert.Equal(4, options.Connections);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Duration);
        Assert.Equal(500, options.Count);
        Assert.Equal(1000, options.Rate);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
        Assert.Equal(OutputFormat.Csv, options.Format);
        Assert.Equal(TimeSpan.FromSeconds(3), options.CallTimeout);
    }

    [Fact]
    public void Read_SeveralTargets_RepeatedOrCommaSeparated_AreAllCalled()
    {
        var (options, errors) = Read(null, "--target", "http://127.0.0.1:5001,http://127.0.0.1:5002", "--target", "http://127.0.0.1:5003", "--connections", "6");

        Assert.Empty(errors);
        Assert.Equal(["http://127.0.0.1:5001/", "http://127.0.0.1:5002/", "http://127.0.0.1:5003/"], options!.Targets.Select(t => t.ToString()));
    }

    [Fact]
    public void Read_FewerConnectionsThanTargets_IsRefused()
    {
        var (options, errors) = Read(null, "--target", "http://127.0.0.1:5001,http://127.0.0.1:5002");

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--connections 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CountWithoutDuration_RunsUntilTheCountWithNoTimeLimit()
    {
        var (options, _) = Read(null, "--count", "20000");

        Assert.Equal(20000, options!.Count);
        Assert.Null(options.Duration);
    }

    [Fact]
    public void Read_PendingCycle_TakesItsOwnOptions()
    {
        var (options, errors) = Read(null, "--mode", "pending-cycle", "--pending", "100000", "--server-pid", "4242", "--cycles", "5",
            "--metrics", "http://127.0.0.1:9999/metrics");

        Assert.Empty(errors);
        Assert.Equal(LoadMode.PendingCycle, options!.Mode);
        Assert.Equal(100_000, options.Pending);
        Assert.Equal(4242, options.ServerPid);
        Assert.Equal(5, options.Cycles);
        Assert.Equal(new Uri("http://127.0.0.1:9999/metrics"), options.Metrics);
    }

    [Fact]
    public void Read_SeveralBadValues_ReportsEachNamingItsOption()
    {
        var (options, errors) = Read(null, "--concurrency", "0", "--rate", "-5", "--target", "ftp://host", "--format", "xml", "--duration", "0");

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--concurrency", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--rate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--target 'ftp://host'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("xml", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--duration", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WordsWhereNumbersBelong_AreReportedNotThrown()
    {
        var (options, errors) = Read(null, "--rate", "fast", "--concurrency", "many");

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("fast", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("many", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PlacedLatencyWithoutRate_IsRefused()
    {
        var (options, errors) = Read(null, "--mode", "placed-latency");

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--rate", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CallOutsideThroughputMode_IsRefused()
    {
        var (options, errors) = Read(null, "--mode", "pending-cycle", "--call", "health");

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--call", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TokenFromTheEnvironment_IsUsedUnlessGiven()
    {
        Assert.Equal("from-env", Read("from-env").Options!.Token);
        Assert.Equal("given", Read("from-env", "--token", "given").Options!.Token);
        Assert.Null(Read("from-env", "--token", "").Options!.Token);
    }

    [Fact]
    public void Read_TokenWithWhitespace_IsRefused()
    {
        var (options, errors) = Read(null, "--token", "two words");

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--token", StringComparison.Ordinal));
    }
}
