using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>
/// Reads one YAML mapping of the fleet file: reports keys it does not know, missing required keys, and values of
/// the wrong shape, each with its line and path. Getters return null after reporting, so callers just skip.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly ProblemLog _log;

    private YamlMap(YamlMappingNode node, string path, ProblemLog log)
    {
        _node = node;
        Path = path;
        _log = log;
    }

    public string Path { get; }

    public int Line => ProblemLog.LineOf(_node);

    public ProblemLog Log => _log;

    /// <summary>Reports a problem with the value under <paramref name="key"/>.</summary>
    public void Report(string key, string message) => _log.Add(LineOf(key), PathOf(key), message);

    /// <summary>The mapping at <paramref name="node"/>, or null (reported) when it is something else.</summary>
    public static YamlMap? Open(YamlNode node, string path, ProblemLog log, IReadOnlyCollection<string> knownKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            log.Add(node, path, "expected a mapping of keys to values");
            return null;
        }
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!knownKeys.Contains(name))
            {
                log.Add(key, Join(path, name), $"unknown key (expected one of {string.Join(", ", knownKeys)})");
            }
        }
        return new YamlMap(mapping, path, log);
    }

    public string PathOf(string key) => Join(Path, key);

    /// <summary>The node under a key; null when absent, or when written as YAML null.</summary>
    public YamlNode? Node(string key, bool required)
    {
        if (_node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value))
        {
            return value;
        }
        if (required)
        {
            _log.Add(_node, PathOf(key), "is required");
        }
        return null;
    }

    public string? Text(string key, bool required = false) => Scalar(key, required)?.Text;

    /// <summary>A decimal written in plain notation; never read through double, so prices keep every digit.</summary>
    public decimal? Decimal(string key, bool required = false)
    {
        if (Scalar(key, required) is not { } scalar)
        {
            return null;
        }
        var (node, text) = scalar;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _log.Add(node, PathOf(key), $"'{text}' is not a decimal number");
            return null;
        }
        return value;
    }

    public int? Integer(string key, bool required = false)
    {
        if (Scalar(key, required) is not { } scalar)
        {
            return null;
        }
        var (node, text) = scalar;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _log.Add(node, PathOf(key), $"'{text}' is not a whole number");
            return null;
        }
        return value;
    }

    /// <summary>The line of a key's value, or of this mapping when the key is absent: where to point a problem with it.</summary>
    public int LineOf(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ProblemLog.LineOf(value) : Line;

    /// <summary>A mapping of text to text (labels); empty when absent.</summary>
    public IReadOnlyDictionary<string, string> TextMap(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Entries(key))
        {
            result[entry.Name] = entry.Text;
        }
        return result;
    }

    /// <summary>The entries of a mapping whose keys are data (labels, GPU models) and whose values are single values.</summary>
    public IReadOnlyList<YamlEntry> Entries(string key)
    {
        var node = Node(key, required: false);
        if (node is null)
        {
            return [];
        }
        if (node is not YamlMappingNode mapping)
        {
            _log.Add(node, PathOf(key), "expected a mapping of names to values");
            return [];
        }
        var entries = new List<YamlEntry>();
        foreach (var (entryKey, entryValue) in mapping.Children)
        {
            var name = (entryKey as YamlScalarNode)?.Value?.Trim();
            var entryPath = Join(PathOf(key), name ?? "?");
            if (string.IsNullOrEmpty(name))
            {
                _log.Add(entryKey, entryPath, "expected a non-empty name");
            }
            else if (entryValue is not YamlScalarNode value)
            {
                _log.Add(entryValue, entryPath, "expected a single value");
            }
            else
            {
                entries.Add(new YamlEntry(name, IsNull(value) ? string.Empty : value.Value!.Trim(), ProblemLog.LineOf(value), entryPath));
            }
        }
        return entries;
    }

    /// <summary>The items of a list with their paths; empty (reported if required) when absent or not a list.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> List(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            _log.Add(node, PathOf(key), "expected a list");
            return [];
        }
        if (required && sequence.Children.Count == 0)
        {
            _log.Add(node, PathOf(key), "must list at least one entry");
        }
        return sequence.Children.Select((item, index) => (item, $"{PathOf(key)}[{index}]")).ToList();
    }

    private (YamlScalarNode Node, string Text)? Scalar(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            _log.Add(node, PathOf(key), "expected a single value");
            return null;
        }
        var text = scalar.Value!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                _log.Add(node, PathOf(key), "must not be empty");
            }
            return null;
        }
        return (scalar, text);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}

/// <summary>One name: value entry of a mapping whose keys are data.</summary>
internal sealed record YamlEntry(string Name, string Text, int Line, string Path);
