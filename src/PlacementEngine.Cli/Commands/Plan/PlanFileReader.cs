using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Contracts.V1;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.Commands.Plan;

/// <summary>
/// Reads the jobs to plan: one job in the job.yaml format, a YAML list of such jobs, or several job
/// documents separated by "---" (deploy/examples/jobs/plan-batch.yaml shows both).
/// </summary>
internal static class PlanFileReader
{
    /// <summary>The server's limit per plan (PlanJobsRequest.specs), checked before sending a request it would refuse.</summary>
    public const int MaxJobs = 1000;

    public static IReadOnlyList<JobSpec> ReadFile(string path) => Parse(JobFileReader.ReadText(path), path);

    public static IReadOnlyList<JobSpec> Parse(string yaml, string fileName)
    {
        var specs = new List<JobSpec>();
        foreach (var document in JobFileReader.Load(yaml, fileName).Documents)
        {
            switch (document.RootNode)
            {
                case YamlMappingNode job:
                    specs.Add(ToSpec(job, fileName));
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        specs.Add(item is YamlMappingNode listed
                            ? ToSpec(listed, fileName)
                            : throw Error(fileName, item, "expected a mapping of job fields for each item of the list"));
                    }

                    break;
                case var node when IsEmpty(node):
                    // An empty document, e.g. after a trailing "---".
                    break;
                case var node:
                    throw Error(fileName, node, "expected a mapping of job fields, or a list of them, at the top level");
            }
        }

        return specs.Count switch
        {
            0 => throw new JobFileException(fileName, "the file holds no jobs; it needs one job, a list of jobs, or job documents separated by ---"),
            > MaxJobs => throw new JobFileException(fileName, $"the file holds {specs.Count} jobs; a plan takes at most {MaxJobs}"),
            _ => specs,
        };
    }

    private static JobSpec ToSpec(YamlMappingNode job, string fileName) =>
        JobSpecMapping.ToJobSpec(YamlObject.Root(job, fileName, JobFileKeys.Top));

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static JobFileException Error(string fileName, YamlNode node, string problem) =>
        new(fileName, checked((int)node.Start.Line), checked((int)node.Start.Column), "", problem);
}
