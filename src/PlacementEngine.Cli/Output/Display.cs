using System.Globalization;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output;

/// <summary>Short, stable text for values in tables. Absent values print as "-" so columns never collapse.</summary>
internal static class Display
{
    public const string None = "-";

    public static string State(JobState state) => state == JobState.Unspecified ? None : state.ToString();

    public static string Capacity(CapacityType type) => type switch
    {
        CapacityType.Spot => "spot",
        CapacityType.OnDemand => "on-demand",
        CapacityType.Reserved => "reserved",
        _ => None,
    };

    public static string Policy(CapacityPolicy policy) => policy switch
    {
        CapacityPolicy.SpotOnly => "spot-only",
        CapacityPolicy.OnDemandOnly => "on-demand-only",
        _ => "spot-preferred",
    };

    /// <summary>Money arrives as a decimal string and is shown as written, never re-rounded.</summary>
    public static string Dollars(string amount) => string.IsNullOrEmpty(amount) ? None : "$" + amount;

    /// <summary>A timestamp outside the protobuf range (years 1 to 9999) is shown as its raw fields rather than
    /// letting the package's conversion throw and end the whole command.</summary>
    public static string Time(Timestamp? at) =>
        at is null ? None
        : IsRepresentable(at) ? at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : $"invalid time (seconds={at.Seconds}, nanos={at.Nanos})";

    private static bool IsRepresentable(Timestamp at) =>
        at.Seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds && at.Nanos is >= 0 and < 1_000_000_000;

    private const long MinTimestampSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxTimestampSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Text(string value) => string.IsNullOrEmpty(value) ? None : value;

    public static string Labels(MapField<string, string> labels) =>
        labels.Count == 0 ? None : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    public static string GpuCaps(MapField<string, int> caps) =>
        caps.Count == 0 ? None : string.Join(",", caps.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>The Go-style notation job files use: 6h, 1h30m, 45s.</summary>
    public static string Duration(long seconds)
    {
        if (seconds <= 0)
        {
            return None;
        }

        var span = TimeSpan.FromSeconds(seconds);
        var hours = (long)span.TotalHours;
        var text = (hours > 0 ? $"{hours}h" : "") + (span.Minutes > 0 ? $"{span.Minutes}m" : "") + (span.Seconds > 0 ? $"{span.Seconds}s" : "");
        return text;
    }
}
