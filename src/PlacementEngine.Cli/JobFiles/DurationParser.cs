using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// Go-style durations ("90m", "6h", "1h30m", "3600s", "1.5h"), the notation Kubernetes and most
/// schedulers already use. The API carries whole seconds, so anything finer is rejected rather
/// than silently rounded.
/// </summary>
internal static partial class DurationParser
{
    /// <summary>Upper bound that keeps seconds well inside int64 and catches unit mistakes.</summary>
    public const long MaxSeconds = 10L * 366 * 24 * 3600;

    public static bool TryParseSeconds(string text, out long seconds, out string problem)
    {
        seconds = 0;
        problem = "";
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            return true;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success)
        {
            problem = $"'{text}' is not a duration; use a number with a unit h, m or s, e.g. 90m, 6h, 1h30m, 3600s";
            return false;
        }

        var total = 0m;
        var amounts = match.Groups["amount"].Captures;
        var units = match.Groups["unit"].Captures;
        for (var i = 0; i < amounts.Count; i++)
        {
            var amount = decimal.Parse(amounts[i].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += amount * SecondsPer(units[i].Value);
            if (total > MaxSeconds)
            {
                problem = $"'{text}' is longer than the {MaxSeconds / 86400} days allowed";
                return false;
            }
        }

        if (total != decimal.Truncate(total))
        {
            problem = $"'{text}' is not a whole number of seconds";
            return false;
        }

        seconds = (long)total;
        return true;
    }

    private static int SecondsPer(string unit) => unit switch
    {
        "h" => 3600,
        "m" => 60,
        _ => 1,
    };

    [GeneratedRegex(@"^(?:(?<amount>[0-9]+(?:\.[0-9]+)?)(?<unit>h|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
