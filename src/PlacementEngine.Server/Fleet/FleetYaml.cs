using System.Globalization;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>The fleet file's typed values, read with the shared strict reader: text is trimmed, and blank text is absent.</summary>
internal static class FleetYaml
{
    public static string? Text(this YamlMap map, string key, bool required = false) =>
        map.String(key, required)?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A decimal written in plain notation; never read through double, so prices keep every digit.</summary>
    public static decimal? Decimal(this YamlMap map, string key, bool required = false) =>
        map.Scalar<decimal?>(key, "a decimal number", text =>
            decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? (value, null)
                : (null, $"'{text.Trim()}' is not a decimal number"), required);

    public static int? Integer(this YamlMap map, string key, bool required = false) =>
        map.Scalar<int?>(key, "a whole number", text =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? (value, null)
                : (null, $"'{text.Trim()}' is not a whole number"), required);

    /// <summary>A mapping of text to text (labels); empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> TextMap(this YamlMap map, string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries(key))
        {
            result[entry.Name.Trim()] = entry.Text.Trim();
        }
        return result;
    }

    /// <summary>Every problem, in file order: problems found by cross-checks come after reading.</summary>
    public static FleetFileException ToException(this YamlProblems problems, string source) =>
        new(problems.All.OrderBy(p => p.Line).Select(p => new FleetFileProblem(source, p.Line, p.Path, p.Message)).ToList());
}
