using System.Diagnostics;
using System.Text;

namespace PlacementEngine.Metrics.Tests.Support;

/// <summary>Runs Prometheus' own checker on an exposition: the real parser and linter, not ours.</summary>
internal static class Promtool
{
    public const string Executable = "/usr/bin/promtool";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<PromtoolResult> CheckMetricsAsync(string exposition)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"{Executable} is missing: install the Debian package 'prometheus'. " +
                        "The exposition is only trusted once Prometheus' own parser has accepted it.");
        }
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "check", "metrics" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A byte-order mark would be read as part of the first metric name.
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.StandardInput.WriteAsync(exposition.AsMemory(), limit.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token);
            return new PromtoolResult(process.ExitCode, (await stdout + await stderr).Trim());
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"promtool check metrics did not finish within {Limit}");
        }
    }
}

/// <param name="ExitCode">0 valid, 1 parse error, 3 lint problems.</param>
/// <param name="Output">Standard output and error together: problems are reported on either.</param>
internal sealed record PromtoolResult(int ExitCode, string Output);
