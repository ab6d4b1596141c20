using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// Strict, typed reads from one YAML mapping. Every problem becomes a <see cref="JobFileException"/>
/// naming the file, line, column and dotted field path, because a typo in a job file should be
/// fixable without guessing. Unknown keys are rejected up front: a misspelt "gpu:" silently
/// ignored would place a GPU job on CPU nodes.
/// </summary>
internal sealed partial class YamlObject
{
    private readonly YamlMappingNode _node;
    private readonly string _fileName;
    private readonly string _path;

    private YamlObject(YamlMappingNode node, string fileName, string path, IReadOnlyCollection<string> allowedKeys)
    {
        _node = node;
        _fileName = fileName;
        _path = path;
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw Error(key, _path, "keys must be plain names");
            }

            if (!allowedKeys.Contains(name))
            {
                throw Error(key, FieldPath(name), UnknownKeyProblem(name, allowedKeys));
            }
        }
    }

    public static YamlObject Root(YamlMappingNode node, string fileName, IReadOnlyCollection<string> allowedKeys) =>
        new(node, fileName, "", allowedKeys);

    public YamlObject? Object(string key, IReadOnlyCollection<string> allowedKeys)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        if (value is not YamlMappingNode mapping)
        {
            throw Error(value, FieldPath(key), $"expected a mapping with keys {string.Join(", ", allowedKeys)}, got {Describe(value)}");
        }

        return new YamlObject(mapping, _fileName, FieldPath(key), allowedKeys);
    }

    public string? String(string key)
    {
        var value = Find(key);
        return value is null ? null : ScalarText(value, FieldPath(key), "a string");
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            throw Error(value, FieldPath(key), $"expected a list of strings like [a, b], got {Describe(value)}");
        }

        var items = new List<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = $"{FieldPath(key)}[{i}]";
            if (IsNull(item))
            {
                throw Error(item, itemPath, "list items must not be empty");
            }

            items.Add(ScalarText(item, itemPath, "a string"));
        }

        return items;
    }

    /// <summary>Entries sorted by key, so the same file always yields the same spec bytes.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlMappingNode mapping)
        {
            throw Error(value, FieldPath(key), $"expected a mapping of name: value, got {Describe(value)}");
        }

        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entryKey, entryValue) in mapping.Children)
        {
            if (entryKey is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw Error(entryKey, FieldPath(key), "keys must be plain names");
            }

            var entryPath = $"{FieldPath(key)}.{name}";
            entries[name] = IsNull(entryValue) ? "" : ScalarText(entryValue, entryPath, "a string");
        }

        return [.. entries];
    }

    private YamlNode? Find(string key)
    {
        foreach (var (candidate, value) in _node.Children)
        {
            if (candidate is YamlScalarNode { Value: { } name } && name == key)
            {
                return IsNull(value) ? null : value;
            }
        }

        return null;
    }

    private string ScalarText(YamlNode node, string path, string expected)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, path, $"expected {expected}, got {Describe(node)}");
        }

        return scalar.Value ?? "";
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    private static string UnknownKeyProblem(string name, IReadOnlyCollection<string> allowedKeys)
    {
        var sameIgnoringCase = allowedKeys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return sameIgnoringCase is not null
            ? $"unknown key '{name}'; did you mean '{sameIgnoringCase}'?"
            : $"unknown key '{name}'; expected one of: {string.Join(", ", allowedKeys)}";
    }

    private string FieldPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private JobFileException Error(YamlNode node, string path, string problem) =>
        new(_fileName, checked((int)node.Start.Line), checked((int)node.Start.Column), path, problem);
}
