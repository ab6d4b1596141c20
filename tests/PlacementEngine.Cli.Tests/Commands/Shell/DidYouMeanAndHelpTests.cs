using System.Text.RegularExpressions;
using PlacementEngine.Cli.Commands.Shell;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;

namespace PlacementEngine.Cli.Tests.Commands.Shell;

public sealed class DidYouMeanAndHelpTests
{
    private readonly Placectl _placectl = new();

    [Theory]
    [InlineData("hint: did you mean 'jobs' instead of 'jbos'?", "jbos", "list")]
    [InlineData("hint: did you mean 'list' instead of 'lst'?", "jobs", "lst")]
    [InlineData("hint: did you mean '--server' instead of '--sever'?", "jobs", "get", "--sever", "http://x")]
    [InlineData("hint: did you mean '--output' instead of '--outptu'?", "clusters", "list", "--outptu=json")]
    [InlineData("hint: did you mean '--all-pages' instead of '--all-page'?", "jobs", "list", "--all-page")]
    public async Task RunAsync_MistypedCommandOrFlag_UsageErrorSuggestingTheNearestName(string hint, params string[] args)
    {
        var result = await _placectl.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(hint + "\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WordFarFromEveryName_NoGuess()
    {
        var result = await _placectl.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.DoesNotContain("did you mean", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs", "jobs", 0)]
    [InlineData("jbos", "jobs", 1)]
    [InlineData("--sever", "--server", 1)]
    [InlineData("lst", "list", 1)]
    [InlineData("status", "state", 2)]
    public void Distance_CountsInsertionsDeletionsChangesAndSwaps(string typed, string name, int distance)
    {
        Assert.Equal(distance, DidYouMean.Distance(typed, name));
    }

    [Fact]
    public async Task RunAsync_NoArguments_PrintsHelpWithExitCodesToStdoutAndExitsWithUsage()
    {
        var result = await _placectl.RunAsync();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("completion", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryExitCodePlacectlUses()
    {
        var result = await _placectl.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var codes = typeof(ExitCodes).GetFields().Where(f => f.IsLiteral && f.Name != nameof(ExitCodes.RpcStatusBase)).Select(f => (int)f.GetRawConstantValue()!);
        Assert.All(codes, code => Assert.Matches(new Regex($"\\n  {code} "), result.Stdout));
        Assert.Contains("\n  11-26 ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SubcommandHelp_HasNoExitCodeTable()
    {
        var result = await _placectl.RunAsync("jobs", "--help");

        Assert.DoesNotContain("Exit codes:", result.Stdout, StringComparison.Ordinal);
    }
}
