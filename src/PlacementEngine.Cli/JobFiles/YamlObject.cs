using PlacementEngine.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// Opens a job document with the shared strict reader. The first problem stops the read as a
/// <see cref="JobFileException"/>: one precise error is all it takes to fix a job file.
/// </summary>
internal static class YamlObject
{
    public static YamlMap Root(YamlMappingNode node, string fileName, IReadOnlyCollection<string> allowedKeys)
    {
        var stopAtFirst = new YamlProblems(p => new JobFileException(fileName, p.Line, p.Column, p.Path, p.Message));
        return YamlMap.Open(node, "", stopAtFirst, allowedKeys)!;
    }
}
