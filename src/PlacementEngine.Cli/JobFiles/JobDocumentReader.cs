using Google.Protobuf;
using PlacementEngine.Contracts.V1;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// A job as "jobs get -o yaml" (or -o json) prints it, read back for "jobs submit -f": its spec is what is
/// submitted, parsed by the protobuf JSON parser so every spelling get prints (camelCase or snake_case names,
/// enum names, int64 as text) reads back unchanged. The server's own fields (id, state, placement, history,
/// ...) are accepted and ignored, and the reader says which were there; any other key is an error.
/// </summary>
internal static class JobDocumentReader
{
    private const string SpecKey = "spec";

    /// <summary>Job's fields other than the spec, by both of their names, e.g. "stateReason" and "state_reason".</summary>
    private static readonly HashSet<string> ServerFields = Job.Descriptor.Fields.InDeclarationOrder()
        .Where(field => field.Name != SpecKey)
        .SelectMany(field => new[] { field.Name, field.JsonName })
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>True for a document with a top-level "spec": job files have no such key, jobs get always prints one.</summary>
    public static bool IsJobDocument(YamlMappingNode root) => Find(root, SpecKey) is not null;

    public static JobFile Read(YamlMappingNode root, string fileName)
    {
        var ignored = new List<string>();
        foreach (var key in root.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name == SpecKey)
            {
                continue;
            }

            if (!ServerFields.Contains(name))
            {
                throw new JobFileException(fileName, checked((int)key.Start.Line), checked((int)key.Start.Column), name,
                    "is not a field of a job as jobs get prints it; put job fields under spec, or write a job file without spec");
            }

            ignored.Add(name);
        }

        var specNode = Find(root, SpecKey)!;
        try
        {
            return new JobFile(JsonParser.Default.Parse<JobSpec>(YamlJson.Write(specNode)), ignored);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new JobFileException(fileName, checked((int)specNode.Start.Line), checked((int)specNode.Start.Column), SpecKey, e.Message);
        }
    }

    private static YamlNode? Find(YamlMappingNode root, string key) =>
        root.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: var name } && name == key).Value;
}

/// <summary>The spec to submit, and the server's fields the file held that submitting ignores (empty for a job file).</summary>
internal sealed record JobFile(JobSpec Spec, IReadOnlyList<string> IgnoredFields);
