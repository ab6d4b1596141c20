using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// The server's log: one line per entry on the console, each starting with its UTC time in ISO 8601, at the level
/// --log-level gives (Information by default). Per-category levels still come from configuration
/// (Logging__LogLevel__CATEGORY) and refine it.
/// </summary>
internal static class ServerLogging
{
    public const string Flag = "log-level";

    /// <summary>The levels --log-level takes, lowest first.</summary>
    public static readonly IReadOnlyList<LogLevel> Levels =
        [LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical, LogLevel.None];

    // The categories that log each call: ASP.NET Core and gRPC write about five lines per call at Information (request
    // start and end, endpoint, each error status), which floods the log and costs a cheap call most of its time.
    // Orleans narrates its start-up and membership at Information, and its Polly pipelines log every grain placement.
    private static readonly string[] PerCallCategories = ["Microsoft.AspNetCore", "Grpc.AspNetCore.Server", "Orleans", "Polly"];

    public static LogLevel Read(IConfiguration config, List<string> errors)
    {
        var text = config[Flag]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return LogLevel.Information;
        }
        // Names only: Enum.TryParse would also take "2" or "Trace, Debug".
        var level = Levels.FirstOrDefault(l => string.Equals(l.ToString(), text, StringComparison.OrdinalIgnoreCase), (LogLevel)(-1));
        if (level == (LogLevel)(-1))
        {
            errors.Add($"--{Flag} '{text}': expected one of {string.Join(", ", Levels)}");
            return LogLevel.Information;
        }
        return level;
    }

    /// <summary>
    /// The simple console formatter on one line: a multi-line entry would leave its second line without a time, and
    /// grep and log shippers take one entry per line. Not systemd's format, which leaves the time to the journal, nor
    /// JSON, which people read poorly: this server also runs in a terminal.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder, LogLevel level)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        // Added after the configuration's rules, so the flag beats Logging__LogLevel__Default while a category's own rule still wins.
        builder.Logging.AddFilter((string?)null, level);
        // No line per call at Information or above; Debug and Trace show the framework's own, for diagnosing one call.
        var perCall = level < LogLevel.Information ? level : (LogLevel)Math.Max((int)level, (int)LogLevel.Warning);
        foreach (var category in PerCallCategories)
        {
            builder.Logging.AddFilter(category, perCall);
        }
    }
}
