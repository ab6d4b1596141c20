using System.Diagnostics;
using System.Globalization;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>A silo in a child process (this test assembly run as a program), to be killed or frozen by signal.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>As Orleans prints it: "127.0.0.1:PORT@GENERATION".</summary>
    public string Address { get; }

    public int Port => int.Parse(Address.Split(':', '@')[1], CultureInfo.InvariantCulture);

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> StartAsync(string connectionString, bool orleansDefaults = false)
    {
        // The same host that runs this process (the test host runs under it too), else the one on the PATH.
        var dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(SiloProcess).Assembly.Location, "silo", connectionString })
        {
            info.ArgumentList.Add(arg);
        }
        if (orleansDefaults)
        {
            info.ArgumentList.Add(ChildSilo.OrleansDefaults);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the child silo");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ChildSilo.ReadyPrefix, StringComparison.Ordinal))
            {
                // Keep draining its output so that a chatty child never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new SiloProcess(process, line[ChildSilo.ReadyPrefix.Length..]);
            }
        }
        throw new InvalidOperationException($"the child silo exited with {process.ExitCode} before it was ready");
    }

    /// <summary>kill -9: no shutdown of any kind; the cluster has to notice.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("/bin/kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await ResumeAsync();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
