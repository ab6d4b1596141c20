using PlacementEngine.TestKit.Servers;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>
/// The real placement-server, started as its own process on loopback ports with its own database file,
/// stopped (by its PID) when disposed. Restartable on the same database to test durability.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private ServerProcess(string dataDirectory, string[] extraArgs, X509Certificate2? serverCertificate)
    {
        DataDirectory = dataDirectory;
        ExtraArgs = extraArgs;
        ServerCertificate = serverCertificate;
    }

    /// <summary>When set, the server speaks TLS with this certificate and clients trust exactly it.</summary>
    public X509Certificate2? ServerCertificate { get; }

    public string DataDirectory { get; }
    public string[] ExtraArgs { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "placement.db");
    public int GrpcPort { get; private set; }
    public int MetricsPort { get; private set; }
    public Uri Address => new($"{(ServerCertificate is null ? "http" : "https")}://127.0.0.1:{GrpcPort}");
    public Uri MetricsAddress => new($"http://127.0.0.1:{MetricsPort}/metrics");
    public int Pid => _process?.Id ?? 0;

    public string Output => _output.ToString();

    /// <summary>Starts a server on a fresh database. Simulated jobs run 3600 times faster than real time.</summary>
    public static Task<ServerProcess> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <summary>With a certificate, the server gets it (and its key) as PEM files and serves gRPC over TLS.</summary>
    public static async Task<ServerProcess> StartAsync(X509Certificate2? certificate, params string[] extraArgs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pe-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        if (certificate is not null)
        {
            var certPath = Path.Combine(dir, "server.crt");
            var keyPath = Path.Combine(dir, "server.key");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            extraArgs = [.. extraArgs, "--tls-cert", certPath, "--tls-key", keyPath];
        }
        var server = new ServerProcess(dir, extraArgs, certificate);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>The generated clients over Grpc.Net.Client, sending <paramref name="token"/>; over TLS trusting exactly the server's certificate.</summary>
    public ServerConnection Connect(string? token) => new(Address, token, ServerCertificate);

    /// <summary>
    /// Whether the server answers: its metrics port's /healthz, and a gRPC call that needs the token store and the
    /// fleet (ListClusters with a demo token).
    /// </summary>
    public async Task<bool> IsServingAsync()
    {
        try
        {
            using var healthz = await Http.GetAsync(new Uri($"http://127.0.0.1:{MetricsPort}/healthz"));
            if (!healthz.IsSuccessStatusCode)
            {
                return false;
            }
            using var connection = Connect(DemoTokens.Vision);
            var clusters = await connection.Fleet.ListClustersAsync(new ListClustersRequest(), deadline: ServerConnection.In(TimeSpan.FromSeconds(2)));
            return clusters.Clusters.Count > 0;
        }
        catch (Exception ex) when (ex is RpcException or HttpRequestException or TaskCanceledException)
        {
            // Not listening yet.
            return false;
        }
    }

    /// <summary>(Re)starts the process on the same database, on fresh ports or, for clients that keep their channel, on the same ones.</summary>
    public async Task StartAgainAsync(bool samePorts = false)
    {
        if (!samePorts || GrpcPort == 0)
        {
            GrpcPort = LoopbackPort.Free();
            MetricsPort = LoopbackPort.Free();
        }
        var serverDll = Path.Combine(AppContext.BaseDirectory, "placement-server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        foreach (var arg in new[]
        {
            serverDll,
            "--listen", $"127.0.0.1:{GrpcPort}",
            "--metrics-listen", $"127.0.0.1:{MetricsPort}",
            "--db", DatabasePath,
            "--fleet", RepoPaths.Fleet,
            "--tokens", RepoPaths.Tokens,
            "--sim-speed", "3600",
            "--cycle-interval", "0.5",
        }.Concat(ExtraArgs))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__PlacementEngine"] = "Information";
        // Its line per hand-over (Debug, too costly to keep on in production) is how the scale-out tests see dispatches.
        info.Environment["Logging__LogLevel__PlacementEngine.Grains.ClusterGrain"] = "Debug";

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start placement-server");
        _output.Follow(_process);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing. Only what was durable survives.</summary>
    public async Task KillHardAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as a service manager stops it: the host shuts down and flushes its log before it exits.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await SignalAsync("TERM");
            using var deadline = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(deadline.Token);
        }
    }

    /// <summary>SIGSTOP: the process hangs with its sockets open, as on a long GC pause or a frozen VM.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: a paused process carries on where it stopped, unaware of the time it missed.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Whether the process has exited, and with which code.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit; false if it still runs.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is not { } process)
        {
            return true;
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SignalAsync(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            var kill = await ExternalProgram.RunAsync("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            Assert.True(kill.ExitCode == 0, kill.All);
        }
    }

    /// <summary>Waits, up to the start timeout, until the output holds a line that <paramref name="match"/> accepts.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!Output.Split('\n').Any(match))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"placement-server did not print the line awaited within {StartTimeout}:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder; nothing depends on it.
        }
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                // Exit can be seen before the output readers drain; waiting for exit also waits for their end of stream.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"placement-server exited with {_process.ExitCode}:\n{Output}");
            }
            if (await IsServingAsync())
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"placement-server did not serve within {StartTimeout}:\n{Output}");
            }
            await Task.Delay(200);
        }
    }
}
