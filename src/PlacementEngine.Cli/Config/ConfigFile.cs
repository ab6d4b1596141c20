using PlacementEngine.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.Config;

/// <summary>
/// Reads and writes placectl's config file (YAML, keys as in kubectl's kubeconfig: current-context, contexts).
/// A write goes to a temporary file in the same directory and is renamed over the old one, so a crash or a full
/// disk leaves either the old file or the new one, never half of either.
/// </summary>
internal static class ConfigFile
{
    private static readonly string[] TopKeys = ["current-context", "contexts"];
    private static readonly string[] ContextKeys = ["name", "server", "token-file", "certificate-authority"];

    /// <summary>The config at <paramref name="path"/>; <see cref="PlacectlConfig.Empty"/> when the file does not exist and need not.</summary>
    public static PlacectlConfig Load(string path, bool mustExist)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return mustExist ? throw new ConfigException($"config file {path} not found") : PlacectlConfig.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read config file {path}: {e.Message}");
        }

        return Parse(text, path);
    }

    public static PlacectlConfig Parse(string text, string path)
    {
        var stream = YamlText.TryLoad(text, out var syntax) ?? throw Problem(path, syntax!);
        if (stream.Documents.Count == 0)
        {
            return PlacectlConfig.Empty;
        }

        // The first problem is all a person needs to fix a hand-edited file.
        var problems = new YamlProblems(problem => Problem(path, problem));
        var root = YamlMap.Open(stream.Documents[0].RootNode, "", problems, TopKeys)!;
        var contexts = root.Maps("contexts", ContextKeys).Select(ReadContext).ToList();
        var duplicate = contexts.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ConfigException($"config file {path}: context '{duplicate.Key}' is defined more than once");
        }

        return new PlacectlConfig(root.String("current-context"), contexts);
    }

    public static void Save(PlacectlConfig config, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var yaml = new StringWriter { NewLine = "\n" };
            new YamlStream(new YamlDocument(ToNode(config))).Save(yaml, assignAnchors: false);

            // The emitter ends the document with "...": valid YAML, but odd in a file people edit by hand.
            File.WriteAllText(temporary, yaml.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal));

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new ConfigException($"cannot write config file {path}: {e.Message}");
        }
    }

    private static ContextEntry ReadContext(YamlMap map) =>
        new(map.String("name", required: true)!, map.String("server"), map.String("token-file"), map.String("certificate-authority"));

    private static YamlMappingNode ToNode(PlacectlConfig config)
    {
        var contexts = new YamlSequenceNode();
        foreach (var context in config.Contexts)
        {
            var node = new YamlMappingNode { { "name", context.Name } };
            AddIfSet(node, "server", context.Server);
            AddIfSet(node, "token-file", context.TokenFile);
            AddIfSet(node, "certificate-authority", context.CertificateAuthority);
            contexts.Add(node);
        }

        var root = new YamlMappingNode();
        AddIfSet(root, "current-context", config.CurrentContext);
        root.Add("contexts", contexts);
        return root;
    }

    private static void AddIfSet(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, value);
        }
    }

    private static ConfigException Problem(string path, YamlProblem problem)
    {
        var where = problem.Line > 0 ? $" line {problem.Line}" : "";
        var key = problem.Path.Length > 0 ? $"{problem.Path}: " : "";
        return new ConfigException($"config file {path}{where}: {key}{problem.Message}");
    }
}
