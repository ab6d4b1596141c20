using PlacementEngine.Contracts.V1;
using PlacementEngine.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// Reads a job.yaml (format documented in deploy/examples/jobs) into a JobSpec; a job as "jobs get" prints it
/// reads too (<see cref="JobDocumentReader"/>).
/// </summary>
internal static class JobFileReader
{
    /// <summary>The path that means standard input, as in kubectl's "-f -".</summary>
    public const string StandardInput = "-";

    public static JobSpec ReadFile(string path) => Parse(ReadText(path), path);

    /// <summary>The file at <paramref name="path"/>, or standard input for "-".</summary>
    public static JobFile ReadFile(string path, TextReader stdin) =>
        path == StandardInput ? Read(stdin.ReadToEnd(), "stdin") : Read(ReadText(path), path);

    public static JobSpec Parse(string yaml, string fileName) => Read(yaml, fileName).Spec;

    public static JobFile Read(string yaml, string fileName)
    {
        var stream = Load(yaml, fileName);
        if (stream.Documents.Count == 0)
        {
            throw new JobFileException(fileName, "the file is empty; it needs one job");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new JobFileException(fileName, checked((int)second.Start.Line), checked((int)second.Start.Column), "", "holds more than one YAML document; submit one job per file");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            throw new JobFileException(fileName, checked((int)node.Start.Line), checked((int)node.Start.Column), "", "expected a mapping of job fields at the top level");
        }

        return JobDocumentReader.IsJobDocument(root)
            ? JobDocumentReader.Read(root, fileName)
            : new JobFile(JobSpecMapping.ToJobSpec(YamlObject.Root(root, fileName, JobFileKeys.Top)), []);
    }

    /// <summary>The file's text, or a <see cref="JobFileException"/> saying why it cannot be read.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new JobFileException(path, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobFileException(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Every YAML document in the text, or a <see cref="JobFileException"/> pointing at the syntax error.</summary>
    public static YamlStream Load(string yaml, string fileName) =>
        YamlText.TryLoad(yaml, out var error) ?? throw (error!.Line > 0
            ? new JobFileException(fileName, error.Line, error.Column, "", $"invalid YAML: {error.Message}")
            : new JobFileException(fileName, $"invalid YAML: {error.Message}"));
}
