using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace PlacementEngine.LoadGen.Options;

/// <summary>The command line on System.CommandLine; every problem is reported at once, before any call is made.</summary>
internal static class LoadCommandLine
{
    private static readonly Dictionary<string, LoadMode> Modes = new()
    {
        ["throughput"] = LoadMode.Throughput, ["placed-latency"] = LoadMode.PlacedLatency, ["pending-cycle"] = LoadMode.PendingCycle,
    };
    private static readonly Dictionary<string, CallKind> Calls = new()
    {
        ["submit"] = CallKind.Submit, ["health"] = CallKind.Health, ["both"] = CallKind.Both,
    };

    private static readonly Option<string[]> Target = new("--target")
    {
        Description = $"the server's gRPC address; several (repeated or comma-separated: silos of one cluster) share the connections in turn [default: {LoadOptions.DefaultTarget}]",
        HelpName = "URL",
    };
    private static readonly Option<string> Token = new("--token") { Description = $"bearer token; \"\" sends none [default: PLACEMENT_TOKEN, else {LoadOptions.DefaultToken}]", HelpName = "TOKEN" };
    private static readonly Option<string> Mode = new Option<string>("--mode") { Description = "throughput | placed-latency | pending-cycle [default: throughput]" }.AcceptOnlyFromAmong([.. Modes.Keys]);
    private static readonly Option<string> Call = new Option<string>("--call") { Description = "throughput mode: submit | health | both [default: submit]" }.AcceptOnlyFromAmong([.. Calls.Keys]);
    private static readonly Option<int> Concurrency = Whole<int>("--concurrency", "callers with a call in flight at once [default: 16]", 1, 100_000);
    private static readonly Option<int> Connections = Whole<int>("--connections", "HTTP/2 connections the callers share [default: 1]", 1, 1_000);
    private static readonly Option<double> Duration = Positive("--duration", "seconds each measured run lasts [default: 10 without --count]");
    private static readonly Option<long> Count = Whole<long>("--count", "requests per measured run (with --duration: whichever ends first)", 1, long.MaxValue);
    private static readonly Option<double> Rate = Positive("--rate", "requests per second on a fixed schedule (open loop; latency counts from each request's scheduled time); required by placed-latency");
    private static readonly Option<double> Warmup = Positive("--warmup", "throughput mode: seconds of unreported calls before each measured run; 0 for none [default: 2]", allowZero: true);
    private static readonly Option<string> Format = new Option<string>("--format") { Description = "table | csv [default: table]" }.AcceptOnlyFromAmong("table", "csv");
    private static readonly Option<string> Metrics = new("--metrics") { Description = $"pending-cycle: the server's metrics URL [default: {LoadOptions.DefaultMetrics}]", HelpName = "URL" };
    private static readonly Option<int> ServerPid = Whole<int>("--server-pid", "pending-cycle: the server's process id, to read its RSS from /proc", 1, int.MaxValue);
    private static readonly Option<long> Pending = Whole<long>("--pending", "pending-cycle: jobs to load [default: 100000]", 1, 10_000_000);
    private static readonly Option<int> Cycles = Whole<int>("--cycles", "pending-cycle: cycles to average once loaded [default: 3]", 1, 1_000);
    private static readonly Option<double> PlacedTimeout = Positive("--placed-timeout", "placed-latency: seconds to follow one job before counting it as not placed [default: 30]");
    private static readonly Option<double> CallTimeout = Positive("--call-timeout", "deadline of each unary call in seconds [default: 30]");

    /// <summary>One instance: the options above can have one parent only.</summary>
    public static RootCommand Command { get; } = new("Drives a running placement server over gRPC and prints throughput, statuses and latency percentiles.")
    {
        Target, Token, Mode, Call, Concurrency, Connections, Duration, Count, Rate, Warmup, Format, Metrics, ServerPid, Pending, Cycles,
        PlacedTimeout, CallTimeout,
    };

    /// <summary>The options, or every problem with the command line.</summary>
    public static (LoadOptions? Options, IReadOnlyList<string> Errors) Read(ParseResult result, string? environmentToken)
    {
        var errors = result.Errors.Select(e => e.Message).ToList();
        var targets = (result.GetValue(Target) is { Length: > 0 } given ? given : [LoadOptions.DefaultTarget])
            .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => Address(t, "--target", errors)).ToList();
        var metrics = Address(result.GetValue(Metrics) ?? LoadOptions.DefaultMetrics, "--metrics", errors);
        var token = result.GetResult(Token) is not null ? result.GetValue(Token) : environmentToken ?? LoadOptions.DefaultToken;
        if (token is not null && token.Any(c => c is < '!' or > '~'))
        {
            errors.Add("--token: contains whitespace or characters that cannot be sent in a header");
        }
        var mode = Modes[result.GetValue(Mode) ?? "throughput"];
        if (mode == LoadMode.PlacedLatency && result.GetResult(Rate) is null)
        {
            errors.Add("--mode placed-latency needs --rate: the submissions are issued on a schedule");
        }
        if (mode != LoadMode.Throughput && result.GetResult(Call) is not null)
        {
            errors.Add($"--call applies to --mode throughput only (--mode {result.GetValue(Mode)} always submits)");
        }
        var connections = Value(result, Connections, 1);
        if (connections < targets.Count)
        {
            errors.Add($"--connections {connections}: give at least one connection per target ({targets.Count})");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var count = result.GetResult(Count) is null ? (long?)null : result.GetValue(Count);
        return (new LoadOptions
        {
            Targets = [.. targets.Select(t => t!)],
            Metrics = metrics!,
            Token = string.IsNullOrEmpty(token) ? null : token,
            Mode = mode,
            Call = Calls[result.GetValue(Call) ?? "submit"],
            Concurrency = Value(result, Concurrency, 16),
            Connections = connections,
            Duration = result.GetResult(Duration) is not null ? TimeSpan.FromSeconds(result.GetValue(Duration))
                : count is null ? TimeSpan.FromSeconds(10) : null,
            Count = count,
            Rate = result.GetResult(Rate) is null ? null : result.GetValue(Rate),
            Warmup = TimeSpan.FromSeconds(Value(result, Warmup, 2.0)),
            Format = result.GetValue(Format) == "csv" ? OutputFormat.Csv : OutputFormat.Table,
            ServerPid = result.GetResult(ServerPid) is null ? null : result.GetValue(ServerPid),
            Pending = Value(result, Pending, 100_000L),
            Cycles = Value(result, Cycles, 3),
            PlacedTimeout = TimeSpan.FromSeconds(Value(result, PlacedTimeout, 30.0)),
            CallTimeout = TimeSpan.FromSeconds(Value(result, CallTimeout, 30.0)),
        }, errors);
    }

    private static T Value<T>(ParseResult result, Option<T> option, T fallback) =>
        result.GetResult(option) is null ? fallback : result.GetValue(option)!;

    private static Uri? Address(string text, string name, List<string> errors)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }
        errors.Add($"{name} '{text}': expected an http:// or https:// address, e.g. {LoadOptions.DefaultTarget}");
        return null;
    }

    // The validators read the token themselves: one that is not a number is already reported by the parser, and
    // asking the parser for its value then throws instead.
    private static Option<T> Whole<T>(string name, string description, T min, T max) where T : struct, INumber<T>
    {
        var option = new Option<T>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && T.TryParse(r.Tokens[0].Value, CultureInfo.InvariantCulture, out var v) && (v < min || v > max))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} {r.Tokens[0].Value}: expected a whole number from {min} to {max}"));
            }
        });
        return option;
    }

    private static Option<double> Positive(string name, string description, bool allowZero = false)
    {
        var option = new Option<double>(name) { Description = description, HelpName = "X" };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && double.TryParse(r.Tokens[0].Value, CultureInfo.InvariantCulture, out var v) && (double.IsNaN(v) || double.IsInfinity(v) || v < 0 || (v == 0 && !allowZero)))
            {
                r.AddError($"{name} {r.Tokens[0].Value}: expected a number {(allowZero ? "of 0 or more" : "above 0")}");
            }
        });
        return option;
    }
}
