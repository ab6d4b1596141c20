using System.Globalization;
using System.Text.RegularExpressions;
using PlacementEngine.Yaml;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>The job file's typed values: numbers, durations, money, timestamps and enumerations.</summary>
internal static partial class JobScalars
{
    public static int? Int(this YamlMap map, string key, int min, int max) =>
        map.Scalar<int?>(key, "an integer", text =>
            !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? (null, $"expected an integer, got '{text}'")
            : number < min || number > max ? (null, $"must be between {min} and {max}, got {number}")
            : (number, null));

    public static double? Number(this YamlMap map, string key) =>
        map.Scalar<double?>(key, "a number", text =>
            !double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? (null, $"expected a number, got '{text}'")
            : number < 0 ? (null, $"must not be negative, got {text}")
            : (number, null));

    public static long? DurationSeconds(this YamlMap map, string key) =>
        map.Scalar<long?>(key, "a duration", text =>
            DurationParser.TryParseSeconds(text, out var seconds, out var problem) ? (seconds, null) : (null, problem));

    /// <summary>
    /// A dollar amount kept as the text written: the API carries money as decimal strings and
    /// re-formatting here could only lose what the user meant.
    /// </summary>
    public static string? DollarAmount(this YamlMap map, string key) =>
        map.Scalar<string?>(key, "a dollar amount", text =>
            DollarPattern().IsMatch(text) ? (text, null) : (null, $"expected a dollar amount like \"40.00\", got '{text}'"));

    /// <summary>RFC 3339 with an explicit zone: a deadline without one would depend on where placectl runs.</summary>
    public static DateTimeOffset? Timestamp(this YamlMap map, string key) =>
        map.Scalar<DateTimeOffset?>(key, "a timestamp", text =>
            Rfc3339Pattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant)
                ? (instant, null)
                : (null, $"expected an RFC 3339 timestamp like 2026-12-01T00:00:00Z, got '{text}'"));

    public static T? OneOf<T>(this YamlMap map, string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var names = string.Join(" | ", choices.Keys);
        return map.Scalar<T?>(key, "one of " + names, text =>
            choices.TryGetValue(text, out var choice) ? (choice, null) : (null, $"expected one of {names}, got '{text}'"));
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DollarPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339Pattern();
}
