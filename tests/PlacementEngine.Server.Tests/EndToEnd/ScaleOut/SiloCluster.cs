using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Real placement-server processes as the silos of one Orleans cluster on a private PostgreSQL: jobs, price books,
/// membership and reminders in one database. Loopback only; disposing stops every process and the database server.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>The line a silo logs when the scheduler grain activates on it.</summary>
    public const string SchedulerActiveLine = "scheduler grain active";

    private SiloCluster(PostgresServer postgres, string connectionString, IReadOnlyList<ServerProcess> silos)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Silos = silos;
    }

    public PostgresServer Postgres { get; }
    public string ConnectionString { get; }
    public IReadOnlyList<ServerProcess> Silos { get; }

    public static async Task<SiloCluster> StartAsync(int silos, params string[] extraArgs)
    {
        var postgres = await PostgresServer.StartAsync();
        var started = new List<ServerProcess>();
        try
        {
            var connectionString = await postgres.CreateDatabaseAsync();
            for (var i = 0; i < silos; i++)
            {
                // One at a time: the first creates the schema; the others join its membership table.
                started.Add(await ServerProcess.StartAsync(
                    [
                        "--store", "postgres", "--postgres", connectionString,
                        "--silo-port", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "--gateway-port", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        .. extraArgs,
                    ]));
            }
            return new SiloCluster(postgres, connectionString, started);
        }
        catch
        {
            foreach (var silo in started)
            {
                await silo.DisposeAsync();
            }
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>The line a silo logs when the grain of <paramref name="cluster"/> activates on it.</summary>
    public static string ClusterActiveLine(string cluster) => $"cluster grain {cluster} active on silo";

    /// <summary>The live silo whose log says the scheduler grain activated on it, waiting for one up to <paramref name="timeout"/>.</summary>
    public Task<ServerProcess> SchedulerHostAsync(TimeSpan timeout, IReadOnlyCollection<ServerProcess>? excluding = null) =>
        HostAsync(SchedulerActiveLine, timeout, excluding);

    /// <summary>The live silo whose log says the grain of <paramref name="cluster"/> activated on it, waiting for one up to <paramref name="timeout"/>.</summary>
    public Task<ServerProcess> ClusterHostAsync(string cluster, TimeSpan timeout, IReadOnlyCollection<ServerProcess>? excluding = null) =>
        HostAsync(ClusterActiveLine(cluster), timeout, excluding);

    private async Task<ServerProcess> HostAsync(string line, TimeSpan timeout, IReadOnlyCollection<ServerProcess>? excluding)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var host = Silos.FirstOrDefault(s => (excluding is null || !excluding.Contains(s)) && s.Output.Contains(line, StringComparison.Ordinal));
            if (host is not null)
            {
                return host;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no silo logged '{line}' within {timeout}:\n{Logs()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; after <paramref name="patience"/> fails the test with every silo's log.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no {what} within {patience}\n{Logs()}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// SIGTERM to silo <paramref name="index"/>, waiting for it to exit, then the same process started again with the
    /// same arguments and ports (so clients' channels reconnect to it), waiting until it serves. Returns the exit code
    /// and how long the stop and the start took, for the test's output.
    /// </summary>
    public async Task<(int ExitCode, TimeSpan Stopping, TimeSpan Starting)> RestartAsync(int index)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Silos[index].StopAsync();
        var stopping = clock.Elapsed;
        var exitCode = Silos[index].ExitCode ?? -1;
        var before = Silos[index].Output.Length;
        try
        {
            await Silos[index].StartAgainAsync(samePorts: true);
        }
        catch (InvalidOperationException) when (Silos[index].Output[before..].Contains(DeclaredDeadLine, StringComparison.Ordinal))
        {
            // Its peers declared it dead while it joined (a stall of a second on a loaded machine), so Orleans stopped
            // it; started once more, as a deployment's restart policy would.
            await Silos[index].StartAgainAsync(samePorts: true);
        }
        return (exitCode, stopping, clock.Elapsed - stopping);
    }

    /// <summary>What Orleans logs as it stops a silo that the membership table says is dead.</summary>
    private const string DeclaredDeadLine = "I have been told I am dead";

    /// <summary>A connection to a silo whose process still runs, other than <paramref name="excluding"/>: under load a live silo may be declared dead and stop.</summary>
    public ServerConnection ConnectToRunning(string token, ServerProcess? excluding = null) =>
        Silos.First(s => s != excluding && s.ExitCode is null).Connect(token);

    public string Logs() => string.Join("\n", Silos.Select((s, i) => $"---- silo {i} (pid {s.Pid})\n{s.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
        await Postgres.DisposeAsync();
    }
}
