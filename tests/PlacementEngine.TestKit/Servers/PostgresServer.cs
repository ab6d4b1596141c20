using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PlacementEngine.TestKit.Servers;

/// <summary>
/// A private PostgreSQL server for tests: its own data folder in a temporary directory, loopback only, on a free port,
/// trust authentication. Disposing stops it (immediate shutdown) and removes the folder. As root, the server runs as
/// the 'postgres' user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _directory;
    private readonly string _binaries;
    private int _databases;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The server's process id, from its pid file; 0 when it is not running.</summary>
    public int Pid
    {
        get
        {
            var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid) ? pid : 0;
        }
    }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("pe-postgres-").FullName;
        var server = new PostgresServer(directory, binaries, LoopbackPort.Free());
        try
        {
            await server.InitialiseAndStartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database, Pooling = true }.ConnectionString;

    /// <summary>A fresh, empty database, so that tests sharing the server do not see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Pid != 0)
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A folder left in the temporary directory is harmless; the test's result matters more.
        }
    }

    private async Task InitialiseAndStartAsync(CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            // The server's user must own its folder; the temporary folder itself is only readable by root otherwise.
            await RunCheckedAsync("/usr/bin/chown", [Superuser, _directory], asServerUser: false, cancellationToken).ConfigureAwait(false);
        }
        await RunCheckedAsync("initdb", ["-D", DataDirectory, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--no-sync"], asServerUser: true, cancellationToken).ConfigureAwait(false);
        // fsync off: the tests' data is thrown away, and durability is the tests' subject only through the store's contract.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_directory} -c fsync=off -c max_connections=200";
        await RunCheckedAsync("pg_ctl", ["-D", DataDirectory, "-o", options, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start"],
            asServerUser: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunCheckedAsync(string program, IReadOnlyList<string> args, bool asServerUser, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(program, args, cancellationToken, asServerUser).ConfigureAwait(false);
        if (exitCode != 0)
        {
            var log = Path.Combine(_directory, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : "";
            throw new InvalidOperationException($"PostgreSQL: {program} exited with {exitCode}:\n{output}\n{serverLog}");
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> args, CancellationToken cancellationToken, bool asServerUser = true)
    {
        var path = program.StartsWith('/') ? program : Path.Combine(_binaries, program);
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && Environment.IsPrivilegedProcess)
        {
            info.FileName = "/usr/sbin/runuser";
            foreach (var arg in new[] { "-u", Superuser, "--", path })
            {
                info.ArgumentList.Add(arg);
            }
        }
        else
        {
            info.FileName = path;
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {path}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary>The newest installed server's programs (Debian keeps them out of PATH, one folder per major version).</summary>
    private static string FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        var newest = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Where(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw new InvalidOperationException("PostgreSQL is not installed: install the Debian package 'postgresql' (the README's test command installs it)")
            : Path.Combine(newest, "bin");
    }
}
