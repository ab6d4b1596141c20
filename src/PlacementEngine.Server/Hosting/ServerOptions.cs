using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// Start-up settings, from flags (--listen 127.0.0.1:50051) or environment (PLACEMENT_LISTEN).
/// Every bad value is reported at once, before anything starts.
/// </summary>
public sealed class ServerOptions
{
    public const string DefaultListen = "127.0.0.1:50051";
    public const string DefaultMetricsListen = "127.0.0.1:9464";
    public const string DefaultDatabase = "placement.db";
    public const string DefaultFleet = "deploy/examples/fleet.yaml";
    public const string DefaultTokens = "deploy/examples/tokens.yaml";
    public const string DefaultPricing = "pricing";
    public const int DefaultMaxStreamsPerConnection = 1000;

    public required IPEndPoint Listen { get; init; }
    public required IPEndPoint MetricsListen { get; init; }
    public required string DatabasePath { get; init; }
    /// <summary>The SQLite file at <see cref="DatabasePath"/> unless --store postgres.</summary>
    public StoreChoice Store { get; init; } = StoreChoice.Sqlite;
    public required string FleetPath { get; init; }
    public required string TokensPath { get; init; }
    /// <summary>The shipped price catalog folder: the first price book when the store has none, and the regions imports may name.</summary>
    public required string PricingPath { get; init; }
    public string? TlsCertificatePath { get; init; }
    public string? TlsKeyPath { get; init; }
    public bool AllowInsecureRemote { get; init; }
    /// <summary>Simulated jobs run this many times faster than real time. 1 to 1,000,000.</summary>
    public double SimulationSpeed { get; init; } = 1;
    /// <summary>Longest time between scheduling cycles. 0.1 to 600 seconds.</summary>
    public TimeSpan CycleInterval { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;
    /// <summary>
    /// Calls open at once on one HTTP/2 connection, 1 to 100,000. Kestrel's default is 100: a client holding 100 watches
    /// then had every further call on that connection wait for a watch to end.
    /// </summary>
    public int MaxStreamsPerConnection { get; init; } = DefaultMaxStreamsPerConnection;
    /// <summary>The silo's port for other silos, on loopback; 0 takes a free one.</summary>
    public int SiloPort { get; init; }
    /// <summary>The silo's port for Orleans clients, on loopback; 0 takes a free one.</summary>
    public int GatewayPort { get; init; }
    /// <summary>The least severe entries the log shows; see <see cref="ServerLogging"/>.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public bool UsesTls => TlsCertificatePath is not null;

    public static (ServerOptions? Options, IReadOnlyList<string> Errors) From(IConfiguration config)
    {
        var errors = new List<string>();
        var listen = Endpoint(config, "listen", DefaultListen, errors);
        var metrics = Endpoint(config, "metrics-listen", DefaultMetricsListen, errors);
        var cert = Optional(config, "tls-cert");
        var key = Optional(config, "tls-key");
        if ((cert is null) != (key is null))
        {
            errors.Add("--tls-cert and --tls-key go together: give both or neither");
        }
        foreach (var (flag, path) in new[] { ("tls-cert", cert), ("tls-key", key) })
        {
            if (path is not null && !File.Exists(path))
            {
                errors.Add($"--{flag}: file '{path}' does not exist");
            }
        }
        var allowRemote = Bool(config, "allow-insecure-remote", errors);
        if (listen is not null && cert is null && !IPAddress.IsLoopback(listen.Address) && !allowRemote)
        {
            errors.Add($"--listen {listen}: plaintext gRPC binds to loopback only; give --tls-cert/--tls-key, or --allow-insecure-remote true");
        }
        var speed = Number(config, "sim-speed", 1, 1, 1_000_000, errors);
        var cycle = Number(config, "cycle-interval", 5, 0.1, 600, errors);
        var maxMessage = Number(config, "max-message-bytes", 4 * 1024 * 1024, 1024, 64 * 1024 * 1024, errors);
        var streams = Number(config, "max-streams-per-connection", DefaultMaxStreamsPerConnection, 1, 100_000, errors);
        var logLevel = ServerLogging.Read(config, errors);
        var siloPort = Number(config, "silo-port", 0, 0, 65535, errors);
        var gatewayPort = Number(config, "gateway-port", 0, 0, 65535, errors);

        var fleet = PathOption(config, "fleet", DefaultFleet, mustExist: true, errors);
        var tokens = PathOption(config, "tokens", DefaultTokens, mustExist: true, errors);
        var pricing = PricingFolder(config, fleet, errors);
        var store = StoreChoice.Read(config, errors);
        var database = Optional(config, "db") ?? DefaultDatabase;
        var databaseFolder = Path.GetDirectoryName(Path.GetFullPath(database));
        if (databaseFolder is not null && !Directory.Exists(databaseFolder))
        {
            errors.Add($"--db {database}: folder '{databaseFolder}' does not exist");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ServerOptions
        {
            Listen = listen!,
            MetricsListen = metrics!,
            DatabasePath = Path.GetFullPath(database),
            Store = store,
            FleetPath = fleet!,
            TokensPath = tokens!,
            PricingPath = pricing!,
            TlsCertificatePath = cert,
            TlsKeyPath = key,
            AllowInsecureRemote = allowRemote,
            SimulationSpeed = speed,
            CycleInterval = TimeSpan.FromSeconds(cycle),
            MaxMessageBytes = (int)maxMessage,
            MaxStreamsPerConnection = (int)streams,
            LogLevel = logLevel,
            SiloPort = (int)siloPort,
            GatewayPort = (int)gatewayPort,
        }, errors);
    }

    private static string? Optional(IConfiguration config, string key)
    {
        var value = config[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static IPEndPoint? Endpoint(IConfiguration config, string key, string fallback, List<string> errors)
    {
        var text = Optional(config, key) ?? fallback;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1" + text["localhost".Length..];
        }
        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port is > 0 and <= 65535)
        {
            return endpoint;
        }
        errors.Add($"--{key} '{text}': expected an IP address and port, e.g. 127.0.0.1:50051");
        return null;
    }

    private static bool Bool(IConfiguration config, string key, List<string> errors)
    {
        var text = Optional(config, key);
        if (text is null)
        {
            return false;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        errors.Add($"--{key} '{text}': expected true or false");
        return false;
    }

    private static double Number(IConfiguration config, string key, double fallback, double min, double max, List<string> errors)
    {
        var text = Optional(config, key);
        if (text is null)
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add($"--{key} '{text}': expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return fallback;
    }

    /// <summary>Relative defaults are looked up from the working folder upwards, so the server runs from any folder of a checkout.</summary>
    private static string? PathOption(IConfiguration config, string key, string fallback, bool mustExist, List<string> errors)
    {
        var given = Optional(config, key);
        var path = given ?? FindUpwards(fallback) ?? fallback;
        if (mustExist && !File.Exists(path))
        {
            errors.Add(given is null
                ? $"--{key}: the default '{fallback}' was not found from '{Directory.GetCurrentDirectory()}' upwards; pass --{key} PATH"
                : $"--{key}: file '{given}' does not exist");
            return null;
        }
        return Path.GetFullPath(path);
    }

    /// <summary>
    /// Like the other paths, but a folder; the default is also looked up from the fleet file's folder upwards, so a
    /// server started outside the checkout with the example fleet still finds the catalog beside it.
    /// </summary>
    private static string? PricingFolder(IConfiguration config, string? fleet, List<string> errors)
    {
        if (Optional(config, "pricing") is { } given)
        {
            if (Directory.Exists(given))
            {
                return Path.GetFullPath(given);
            }
            errors.Add($"--pricing: folder '{given}' does not exist");
            return null;
        }
        var found = FindUpwards(DefaultPricing, Directory.GetCurrentDirectory(), Directory.Exists)
            ?? (fleet is null ? null : FindUpwards(DefaultPricing, Path.GetDirectoryName(fleet)!, Directory.Exists));
        if (found is null)
        {
            errors.Add($"--pricing: the default '{DefaultPricing}' folder was not found from '{Directory.GetCurrentDirectory()}' or the fleet file's folder upwards; pass --pricing DIR");
        }
        return found is null ? null : Path.GetFullPath(found);
    }

    private static string? FindUpwards(string relative) => FindUpwards(relative, Directory.GetCurrentDirectory(), File.Exists);

    private static string? FindUpwards(string relative, string start, Func<string, bool> exists)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
