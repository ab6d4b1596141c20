using System.Diagnostics;

namespace PlacementEngine.Server.Tests.EndToEnd;

internal sealed record ProgramResult(int ExitCode, string StdOut, string StdErr)
{
    public string All => StdOut + StdErr;
}

/// <summary>Runs a real program (python3, promtool, placectl) with a bounded time, capturing its output.</summary>
internal static class ExternalProgram
{
    public static async Task<ProgramResult> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, string? stdin = null, IDictionary<string, string>? env = null)
    {
        if (!File.Exists(file) && !file.Contains('/', StringComparison.Ordinal))
        {
            file = Which(file) ?? throw new InvalidOperationException($"'{file}' is not installed: run the README's test command, which installs it");
        }
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"'{file}' is not installed: run the README's test command, which installs it");
        }
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }
        return new ProgramResult(process.ExitCode, await stdout, await stderr);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
