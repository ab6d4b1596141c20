using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Yaml;

/// <summary>
/// Strict, typed reads from one YAML mapping. Unknown keys, values of the wrong shape or type and missing required
/// keys are problems with their line, column and dotted path (e.g. "clusters[0].pools[1].maxNodes"): a misspelt key
/// silently ignored would, say, place a GPU job on CPU nodes. A getter that reports a problem returns null, so
/// callers that collect problems just skip the value. Written over YamlDotNet's node model rather than its
/// deserializer because every problem must point at the node it came from.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;

    private YamlMap(YamlMappingNode node, string path, YamlProblems problems)
    {
        _node = node;
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public YamlProblems Problems { get; }

    /// <summary>The line the mapping starts on: where to point a problem with it as a whole.</summary>
    public int Line => LineOf(_node);

    /// <summary>The mapping at <paramref name="node"/>, or null (reported) when it is something else.</summary>
    public static YamlMap? Open(YamlNode node, string path, YamlProblems problems, IReadOnlyCollection<string> keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(At(node, path, $"expected a mapping with keys {string.Join(", ", keys)}, got {YamlText.Describe(node)}"));
            return null;
        }
        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                problems.Add(At(key, path, "keys must be plain names"));
            }
            else if (!keys.Contains(name))
            {
                problems.Add(At(key, Join(path, name), UnknownKey(name, keys)));
            }
        }
        return new YamlMap(mapping, path, problems);
    }

    public string PathOf(string key) => Join(Path, key);

    /// <summary>The line of a key's value, or of this mapping when the key is absent: where to point a problem with it.</summary>
    public int LineOf(string key) => Find(key) is { } value ? LineOf(value) : Line;

    /// <summary>Reports a problem with the value under <paramref name="key"/>.</summary>
    public void Report(string key, string message) => Problems.Add(At(Find(key) ?? _node, PathOf(key), message));

    /// <summary>The node under a key; null when absent or YAML null (reported when required).</summary>
    public YamlNode? Node(string key, bool required = false)
    {
        var value = Find(key);
        if (value is null || YamlText.IsNull(value))
        {
            if (required)
            {
                Problems.Add(At(_node, PathOf(key), "is required"));
            }
            return null;
        }
        return value;
    }

    /// <summary>The text as written; null when absent, or (reported) when not a single value or, if required, blank.</summary>
    public string? String(string key, bool required = false) => Text(key, "a string", required)?.Text;

    /// <summary>
    /// A single value converted by <paramref name="convert"/>, which gives the value or the problem with the text;
    /// default when absent or wrong, so give a nullable <typeparamref name="T"/>. Each file's conversions word their
    /// own problems ("expected an integer, got 'x'" in job files, "'x' is not a whole number" in the fleet file).
    /// </summary>
    /// <param name="expected">What the value should be, e.g. "an integer", for "expected an integer, got a list".</param>
    public T? Scalar<T>(string key, string expected, Func<string, (T? Value, string? Problem)> convert, bool required = false)
    {
        if (Text(key, expected, required) is not { } found)
        {
            return default;
        }
        var (value, problem) = convert(found.Text);
        if (problem is not null)
        {
            Problems.Add(At(found.Node, PathOf(key), problem));
            return default;
        }
        return value;
    }

    /// <summary>The mapping under a key; null when absent, or (reported) when not a mapping.</summary>
    public YamlMap? Map(string key, IReadOnlyCollection<string> keys, bool required = false) =>
        Node(key, required) is { } node ? Open(node, PathOf(key), Problems, keys) : null;

    /// <summary>The mappings listed under a key; items that are not mappings are reported and left out.</summary>
    public IReadOnlyList<YamlMap> Maps(string key, IReadOnlyCollection<string> keys, bool required = false)
    {
        var items = Sequence(key, "a list", required);
        if (required && items is { Count: 0 })
        {
            Problems.Add(At(Find(key)!, PathOf(key), "must list at least one entry"));
        }
        return (items ?? []).Select((item, i) => Open(item, $"{PathOf(key)}[{i}]", Problems, keys)).OfType<YamlMap>().ToList();
    }

    /// <summary>A list of strings; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var strings = new List<string>();
        var items = Sequence(key, "a list of strings like [a, b]", required: false) ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{PathOf(key)}[{i}]";
            if (YamlText.IsNull(items[i]))
            {
                Problems.Add(At(items[i], itemPath, "list items must not be empty"));
            }
            else if (Scalar(items[i], itemPath, "a string") is { } text)
            {
                strings.Add(text);
            }
        }
        return strings;
    }

    /// <summary>The entries of a mapping whose keys are data (labels, GPU models), in file order; empty when absent.</summary>
    public IReadOnlyList<YamlEntry> Entries(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }
        if (node is not YamlMappingNode mapping)
        {
            Problems.Add(At(node, PathOf(key), $"expected a mapping of name: value, got {YamlText.Describe(node)}"));
            return [];
        }
        var entries = new List<YamlEntry>();
        foreach (var (entryKey, entryValue) in mapping.Children)
        {
            if (entryKey is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                Problems.Add(At(entryKey, PathOf(key), "keys must be plain names"));
                continue;
            }
            var entryPath = $"{PathOf(key)}.{name}";
            var text = YamlText.IsNull(entryValue) ? "" : Scalar(entryValue, entryPath, "a string");
            if (text is not null)
            {
                entries.Add(new YamlEntry(name, text, LineOf(entryValue), ColumnOf(entryValue), entryPath));
            }
        }
        return entries;
    }

    private (YamlNode Node, string Text)? Text(string key, string expected, bool required)
    {
        if (Node(key, required) is not { } node || Scalar(node, PathOf(key), expected) is not { } text)
        {
            return null;
        }
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Problems.Add(At(node, PathOf(key), "must not be empty"));
            return null;
        }
        return (node, text);
    }

    private IList<YamlNode>? Sequence(string key, string expected, bool required)
    {
        if (Node(key, required) is not { } node)
        {
            return null;
        }
        if (node is not YamlSequenceNode sequence)
        {
            Problems.Add(At(node, PathOf(key), $"expected {expected}, got {YamlText.Describe(node)}"));
            return null;
        }
        return sequence.Children;
    }

    private string? Scalar(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }
        Problems.Add(At(node, path, $"expected {expected}, got {YamlText.Describe(node)}"));
        return null;
    }

    private YamlNode? Find(string key) =>
        _node.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: { } name } && name == key).Value;

    private static string UnknownKey(string name, IReadOnlyCollection<string> keys)
    {
        var sameIgnoringCase = keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return sameIgnoringCase is not null
            ? $"unknown key '{name}'; did you mean '{sameIgnoringCase}'?"
            : $"unknown key '{name}'; expected one of: {string.Join(", ", keys)}";
    }

    private static YamlProblem At(YamlNode node, string path, string message) => new(LineOf(node), ColumnOf(node), path, message);

    private static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    private static int ColumnOf(YamlNode node) => checked((int)node.Start.Column);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}

/// <summary>One name: value entry of a mapping whose keys are data; a YAML null reads as empty text.</summary>
public sealed record YamlEntry(string Name, string Text, int Line, int Column, string Path)
{
    public YamlProblem Problem(string message) => new(Line, Column, Path, message);
}
