using Grpc.Core;
using PlacementEngine.Cli.Commands;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;

namespace PlacementEngine.Cli.Tests.Commands.Shell;

/// <summary>An UNAUTHENTICATED answer tells the user how to pass a token, or where the refused one came from.</summary>
public sealed class ErrorHintTests : IDisposable
{
    private readonly Placectl _placectl = new();
    private readonly TemporaryDirectory _directory = new();

    public ErrorHintTests() =>
        _placectl.Api.OnGet = _ => throw new RpcException(new Status(StatusCode.Unauthenticated, "missing or invalid bearer token"));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Unauthenticated_NoTokenSent_HintNamesTheFlagTheVariableAndTheContextTokenFile()
    {
        var result = await _placectl.RunAsync("jobs", "get", "job-1");

        Assert.Equal(ExitCodes.ForStatus(StatusCode.Unauthenticated), result.ExitCode);
        Assert.Equal(
            "error: UNAUTHENTICATED: missing or invalid bearer token\n" +
            "hint: the server wants a bearer token: pass --token TOKEN, set PLACEMENT_TOKEN, or give the context a token file (placectl config set-context NAME --token-file FILE).\n",
            result.Stderr);
    }

    [Theory]
    [InlineData("--token")]
    [InlineData(GlobalOptions.TokenVariable)]
    public async Task Unauthenticated_TokenSent_HintSaysWhereTheRefusedTokenCameFrom(string source)
    {
        string[] args = source == "--token" ? ["jobs", "get", "job-1", "--token", "stale"] : ["jobs", "get", "job-1"];
        _placectl.Environment[GlobalOptions.TokenVariable] = "stale-from-env";

        var result = await _placectl.RunAsync(args);

        Assert.EndsWith($"hint: the server refused the token from {source}; check that it is current and meant for this server.\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_TokenFromContext_HintNamesTheContextsTokenFile()
    {
        var config = _directory.File("config.yaml");
        File.WriteAllText(config, "current-context: prod\ncontexts:\n  - name: prod\n    token-file: prod.token\n");
        File.WriteAllText(_directory.File("prod.token"), "stale");
        _placectl.Environment["PLACECTL_CONFIG"] = config;

        var result = await _placectl.RunAsync("jobs", "get", "job-1");

        Assert.EndsWith("hint: the server refused the token from the token-file of context 'prod'; check that it is current and meant for this server.\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherStatus_NoTokenHint()
    {
        _placectl.Api.OnGet = _ => throw new RpcException(new Status(StatusCode.NotFound, "job job-1 not found"));

        var result = await _placectl.RunAsync("jobs", "get", "job-1");

        Assert.DoesNotContain("hint:", result.Stderr, StringComparison.Ordinal);
    }
}
