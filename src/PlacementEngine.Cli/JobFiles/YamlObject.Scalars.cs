using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>Typed scalar reads: numbers, durations, money, timestamps and enumerations.</summary>
internal sealed partial class YamlObject
{
    public int? Int(string key, int min, int max)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        var text = ScalarText(value, FieldPath(key), "an integer");
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw Error(value, FieldPath(key), $"expected an integer, got '{text}'");
        }

        if (number < min || number > max)
        {
            throw Error(value, FieldPath(key), $"must be between {min} and {max}, got {number}");
        }

        return number;
    }

    public double? Number(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        var text = ScalarText(value, FieldPath(key), "a number");
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw Error(value, FieldPath(key), $"expected a number, got '{text}'");
        }

        if (number < 0)
        {
            throw Error(value, FieldPath(key), $"must not be negative, got {text}");
        }

        return number;
    }

    public long? DurationSeconds(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        var text = ScalarText(value, FieldPath(key), "a duration");
        if (!DurationParser.TryParseSeconds(text, out var seconds, out var problem))
        {
            throw Error(value, FieldPath(key), problem);
        }

        return seconds;
    }

    /// <summary>
    /// A dollar amount kept as the text written: the API carries money as decimal strings and
    /// re-formatting here could only lose what the user meant.
    /// </summary>
    public string? DollarAmount(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        var text = ScalarText(value, FieldPath(key), "a dollar amount");
        if (!DollarPattern().IsMatch(text))
        {
            throw Error(value, FieldPath(key), $"expected a dollar amount like \"40.00\", got '{text}'");
        }

        return text;
    }

    /// <summary>RFC 3339 with an explicit zone: a deadline without one would depend on where placectl runs.</summary>
    public DateTimeOffset? Timestamp(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        var text = ScalarText(value, FieldPath(key), "a timestamp");
        if (!Rfc3339Pattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            throw Error(value, FieldPath(key), $"expected an RFC 3339 timestamp like 2026-12-01T00:00:00Z, got '{text}'");
        }

        return instant;
    }

    public T? OneOf<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        var text = ScalarText(value, FieldPath(key), "one of " + string.Join(" | ", choices.Keys));
        if (!choices.TryGetValue(text, out var choice))
        {
            throw Error(value, FieldPath(key), $"expected one of {string.Join(" | ", choices.Keys)}, got '{text}'");
        }

        return choice;
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DollarPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339Pattern();
}
