using PlacementEngine.Cli.Commands;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

public sealed class GlobalOptionsTests
{
    private readonly Placectl _placectl = new();

    [Fact]
    public async Task RunAsync_NothingSet_UsesLoopbackDefaultAndNoToken()
    {
        await _placectl.RunAsync("clusters", "list");

        Assert.Equal(new Uri(GlobalOptions.DefaultServer), _placectl.Connection!.Server);
        Assert.Null(_placectl.Connection.BearerToken);
    }

    [Fact]
    public async Task RunAsync_EnvironmentSet_UsesEnvironment()
    {
        _placectl.Environment[GlobalOptions.ServerVariable] = "https://placement.example:8443";
        _placectl.Environment[GlobalOptions.TokenVariable] = "env-token";

        await _placectl.RunAsync("clusters", "list");

        Assert.Equal(new Uri("https://placement.example:8443"), _placectl.Connection!.Server);
        Assert.Equal("env-token", _placectl.Connection.BearerToken);
    }

    [Fact]
    public async Task RunAsync_FlagAndEnvironmentSet_FlagWins()
    {
        _placectl.Environment[GlobalOptions.ServerVariable] = "https://from-env:1";
        _placectl.Environment[GlobalOptions.TokenVariable] = "env-token";

        await _placectl.RunAsync("clusters", "list", "--server", "http://from-flag:2", "--token", "flag-token");

        Assert.Equal(new Uri("http://from-flag:2"), _placectl.Connection!.Server);
        Assert.Equal("flag-token", _placectl.Connection.BearerToken);
    }

    [Fact]
    public async Task RunAsync_EmptyEnvironmentVariable_CountsAsUnset()
    {
        _placectl.Environment[GlobalOptions.ServerVariable] = "";

        await _placectl.RunAsync("clusters", "list");

        Assert.Equal(new Uri(GlobalOptions.DefaultServer), _placectl.Connection!.Server);
    }

    [Fact]
    public async Task RunAsync_GlobalFlagBeforeCommand_IsAccepted()
    {
        await _placectl.RunAsync("--server", "http://early:3", "clusters", "list");

        Assert.Equal(new Uri("http://early:3"), _placectl.Connection!.Server);
    }

    [Fact]
    public async Task RunAsync_NoTimeout_UnaryCallsGetDefaultAndWatchHasNone()
    {
        await _placectl.RunAsync("clusters", "list");

        Assert.Equal(TimeSpan.FromSeconds(GlobalOptions.DefaultTimeoutSeconds), _placectl.Connection!.UnaryDeadline);
        Assert.Null(_placectl.Connection.StreamDeadline);
    }

    [Fact]
    public async Task RunAsync_Timeout_AppliesToUnaryCallsAndStreams()
    {
        await _placectl.RunAsync("clusters", "list", "--timeout", "5");

        Assert.Equal(TimeSpan.FromSeconds(5), _placectl.Connection!.UnaryDeadline);
        Assert.Equal(TimeSpan.FromSeconds(5), _placectl.Connection.StreamDeadline);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "soon")]
    [InlineData("-o", "xml")]
    public async Task RunAsync_InvalidGlobalOption_IsUsageError(string option, string value)
    {
        var result = await _placectl.RunAsync("clusters", "list", option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_placectl.Api.Requests);
    }

    [Fact]
    public async Task RunAsync_ServerFromEnvironmentIsNotAUrl_NamesTheVariable()
    {
        _placectl.Environment[GlobalOptions.ServerVariable] = "placement:50051";

        var result = await _placectl.RunAsync("clusters", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("PLACEMENT_SERVER 'placement:50051' is not an http:// or https:// address", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "{")]
    [InlineData("yaml", "clusters:")]
    [InlineData("table", "NAME")]
    public async Task RunAsync_OutputFormat_SelectsRendering(string format, string expectedStart)
    {
        _placectl.Api.OnListClusters = _ => new ListClustersResponse { Clusters = { new Cluster { Name = "gke-ew4", Healthy = true } } };

        var result = await _placectl.RunAsync("clusters", "list", "-o", format);

        Assert.StartsWith(expectedStart, result.Stdout, StringComparison.Ordinal);
    }
}
