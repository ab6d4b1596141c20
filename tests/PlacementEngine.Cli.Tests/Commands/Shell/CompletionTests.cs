using System.Diagnostics;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;

namespace PlacementEngine.Cli.Tests.Commands.Shell;

/// <summary>The completion scripts run in the real shell: sourced, then asked to complete as bash would on Tab.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly Placectl _placectl = new();
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CompletionBash_Script_PassesBashSyntaxCheck()
    {
        var script = await ScriptAsync("bash");

        var (exitCode, output) = await RunAsync("bash", "-n", script);

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("submit", "placectl", "jobs", "su")]
    [InlineData("jobs", "placectl", "jo")]
    [InlineData("set-context", "placectl", "config", "set")]
    [InlineData("list", "placectl", "--server", "http://x:1", "pools", "")]
    [InlineData("--all-pages", "placectl", "jobs", "list", "--all-p")]
    [InlineData("--server", "placectl", "jobs", "get", "--serv")]
    [InlineData("json", "placectl", "clusters", "list", "-o", "j")]
    [InlineData("remove", "placectl", "pricing", "override", "rem")]
    public async Task CompletionBash_Sourced_CompletesTheWordAtTheCursor(string expected, params string[] words)
    {
        var script = await ScriptAsync("bash");
        var quoted = string.Join(' ', words.Select(w => $"'{w}'"));
        var probe = $"source '{script}'; COMP_WORDS=({quoted}); COMP_CWORD={words.Length - 1}; _placectl; printf '%s\\n' \"${{COMPREPLY[@]}}\"";

        var (exitCode, output) = await RunAsync("bash", "-c", probe);

        Assert.True(exitCode == 0, output);
        Assert.Equal([expected], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task CompletionBash_Sourced_RegistersForPlacectl()
    {
        var script = await ScriptAsync("bash");

        var (_, output) = await RunAsync("bash", "-c", $"source '{script}'; complete -p placectl");

        Assert.Equal("complete -o default -F _placectl placectl\n", output);
    }

    [Fact]
    public async Task CompletionZsh_Script_PassesZshSyntaxCheckWhereZshIsInstalled()
    {
        var script = await ScriptAsync("zsh");
        Assert.StartsWith("# zsh completion for placectl", File.ReadAllText(script), StringComparison.Ordinal);

        var (found, _) = await RunAsync("bash", "-c", "command -v zsh");
        if (found == 0)
        {
            var (exitCode, output) = await RunAsync("zsh", "-n", script);
            Assert.True(exitCode == 0, output);
        }
    }

    [Fact]
    public async Task Completion_UnknownShell_UsageError()
    {
        var result = await _placectl.RunAsync("completion", "tcsh");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private async Task<string> ScriptAsync(string shell)
    {
        var result = await _placectl.RunAsync("completion", shell);
        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(_directory.Path, $"placectl.{shell}");
        await File.WriteAllTextAsync(path, result.Stdout);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
