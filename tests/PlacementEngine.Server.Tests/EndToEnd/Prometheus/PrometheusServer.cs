using PlacementEngine.TestKit.Servers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PlacementEngine.Server.Tests.EndToEnd.Prometheus;

/// <summary>
/// A real Prometheus server scraping one target every second: loopback only, on a free port, with its config and
/// its database in a temporary folder of its own. Disposing stops it by its PID and removes the folder.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/prometheus";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly ProcessOutput _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _directory;
    private Process? _process;

    private PrometheusServer(string directory, int port)
    {
        _directory = directory;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public string Output => _output.ToString();

    /// <param name="target">The metrics endpoint to scrape, e.g. http://127.0.0.1:9464/metrics.</param>
    public static async Task<PrometheusServer> StartAsync(Uri target)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"{Executable} is missing: install the Debian package 'prometheus' (the README's test command installs it).");
        }
        var directory = Path.Combine(Path.GetTempPath(), "pe-prometheus-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var server = new PrometheusServer(directory, LoopbackPort.Free());
        try
        {
            await server.StartProcessAsync(target);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query over the HTTP API; the result vector as Prometheus returned it.</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        var uri = new Uri(Address, "/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var document = JsonDocument.Parse(await _http.GetStringAsync(uri, cancellationToken));
        var root = document.RootElement;
        Assert.Equal("success", root.GetProperty("status").GetString());
        return [.. root.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => series.Clone())];
    }

    /// <summary>The scrape targets' health and last error, for a failure message.</summary>
    public async Task<string> TargetsAsync()
    {
        try
        {
            return await _http.GetStringAsync(new Uri(Address, "/api/v1/targets"));
        }
        catch (HttpRequestException ex)
        {
            return $"(targets unavailable: {ex.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder; nothing depends on it.
        }
    }

    private async Task StartProcessAsync(Uri target)
    {
        var config = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: placement-server
                metrics_path: {target.AbsolutePath}
                static_configs:
                  - targets: ["{target.Authority}"]
            """));
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in new[]
        {
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(_directory, "data")}",
            $"--web.listen-address={Address.Authority}",
        })
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Executable}");
        _output.Follow(_process);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var deadline = new CancellationTokenSource(ReadyTimeout);
        while (true)
        {
            if (_process!.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await _http.GetAsync(new Uri(Address, "/-/ready"), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"prometheus was not ready within {ReadyTimeout}:\n{Output}");
            }
            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"prometheus was not ready within {ReadyTimeout}:\n{Output}");
            }
        }
    }
}
