using PlacementEngine.TestKit.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PlacementEngine.Server.Hosting;
using PlacementEngine.Server.Tests.EndToEnd;

namespace PlacementEngine.Server.Tests.Hosting;

public sealed class ServerOptionsTests
{
    internal static (ServerOptions? Options, IReadOnlyList<string> Errors) From(params (string Key, string Value)[] values)
    {
        var settings = new Dictionary<string, string?>
        {
            ["fleet"] = RepoPaths.Fleet,
            ["tokens"] = RepoPaths.Tokens,
        };
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }
        return ServerOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    [Fact]
    public void From_Defaults_LoopbackPortsAndEmbeddedDatabase()
    {
        var (options, errors) = From();

        Assert.Empty(errors);
        Assert.Equal("127.0.0.1:50051", options!.Listen.ToString());
        Assert.Equal("127.0.0.1:9464", options.MetricsListen.ToString());
        Assert.EndsWith("placement.db", options.DatabasePath, StringComparison.Ordinal);
        Assert.False(options.UsesTls);
    }

    [Fact]
    public void From_PlaintextOnNonLoopback_IsRefusedUnlessAllowed()
    {
        var (refused, errors) = From(("listen", "0.0.0.0:50051"));
        var (allowed, _) = From(("listen", "0.0.0.0:50051"), ("allow-insecure-remote", "true"));

        Assert.Null(refused);
        Assert.Contains(errors, e => e.Contains("loopback only", StringComparison.Ordinal));
        Assert.NotNull(allowed);
    }

    [Fact]
    public void From_SeveralBadValues_ReportsEveryOne()
    {
        var (options, errors) = From(
            ("listen", "not-an-endpoint"),
            ("sim-speed", "0"),
            ("cycle-interval", "abc"),
            ("tls-cert", "/nonexistent/cert.pem"),
            ("fleet", "/nonexistent/fleet.yaml"));

        Assert.Null(options);
        Assert.Contains(errors, e => e.StartsWith("--listen", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--sim-speed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--cycle-interval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--tls-cert and --tls-key go together", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--fleet", StringComparison.Ordinal));
    }

    [Fact]
    public void From_LocalhostName_MeansLoopback()
    {
        var (options, errors) = From(("listen", "localhost:6000"));

        Assert.Empty(errors);
        Assert.Equal("127.0.0.1:6000", options!.Listen.ToString());
    }

    [Theory]
    [InlineData(null, LogLevel.Information)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("CRITICAL", LogLevel.Critical)]
    public void From_LogLevel_TakesALevelNameInAnyCase(string? given, LogLevel expected)
    {
        var (options, errors) = given is null ? From() : From(("log-level", given));

        Assert.Empty(errors);
        Assert.Equal(expected, options!.LogLevel);
    }

    [Theory]
    [InlineData("loud")]
    [InlineData("2")]
    [InlineData("Debug, Trace")]
    public void From_BadLogLevel_IsRefusedNamingEveryLevel(string given)
    {
        var (options, errors) = From(("log-level", given));

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Equal($"--log-level '{given}': expected one of Trace, Debug, Information, Warning, Error, Critical, None", error);
    }

    [Fact]
    public void From_MaxStreamsPerConnection_DefaultsAboveKestrelsHundredAndIsBounded()
    {
        var (defaults, _) = From();
        var (given, _) = From(("max-streams-per-connection", "250"));
        var (refused, errors) = From(("max-streams-per-connection", "0"));

        Assert.Equal(1000, defaults!.MaxStreamsPerConnection);
        Assert.Equal(250, given!.MaxStreamsPerConnection);
        Assert.Null(refused);
        Assert.StartsWith("--max-streams-per-connection '0': expected a number from 1 to 100000", Assert.Single(errors), StringComparison.Ordinal);
    }
}
