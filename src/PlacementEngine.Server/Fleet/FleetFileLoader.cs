using PlacementEngine.Core;
using PlacementEngine.Yaml;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>Loads a fleet file (format: <see cref="FleetFile"/>); throws <see cref="FleetFileException"/> listing every problem.</summary>
public static class FleetFileLoader
{
    /// <summary>The fleet file's prices, used until the store has a price book; stored versions count from 1, so the first one is a change the cycle sees.</summary>
    public const long InitialPriceBookVersion = 0;

    private static readonly string[] RootKeys = ["version", "teams", "regions", "clusters"];

    public static LoadedFleet Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return Parse(File.ReadAllText(fullPath), Path.GetFileName(fullPath), Path.GetDirectoryName(fullPath)!);
    }

    /// <param name="source">Names the file in problems, e.g. "fleet.yaml".</param>
    /// <param name="baseDirectory">Relative kubeconfig paths are resolved against it.</param>
    public static LoadedFleet Parse(string yaml, string source, string baseDirectory)
    {
        var problems = new YamlProblems();
        var root = ParseYaml(yaml, problems);
        if (root is null || YamlMap.Open(root, string.Empty, problems, RootKeys) is not { } map)
        {
            throw problems.ToException(source);
        }
        ReadVersion(map);
        var budgets = TeamsReader.Read(map);
        var (onPrem, declaredOnPrem) = RegionsReader.Read(map);
        var regions = RegionDirectory.Default.With(onPrem);
        var clusters = new ClustersReader(regions, declaredOnPrem, baseDirectory);
        clusters.Read(map);
        if (problems.Count > 0)
        {
            throw problems.ToException(source);
        }
        return new LoadedFleet(
            new Fleet(clusters.Clusters, clusters.Pools),
            regions,
            clusters.Prices(InitialPriceBookVersion),
            budgets,
            clusters.Executors);
    }

    private static YamlNode? ParseYaml(string yaml, YamlProblems problems)
    {
        var stream = YamlText.TryLoad(yaml, out var error);
        if (stream is null)
        {
            problems.Add(new YamlProblem(error!.Line, 0, string.Empty, $"not valid YAML: {error.Message}"));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            problems.Add(new YamlProblem(0, 0, string.Empty, stream.Documents.Count == 0 ? "the file is empty" : $"holds {stream.Documents.Count} YAML documents; a fleet file is one"));
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static void ReadVersion(YamlMap map)
    {
        var version = map.Integer("version", required: true);
        if (version is not null && version != FleetFile.CurrentVersion)
        {
            map.Report("version", $"version {version} is not supported; this build reads version {FleetFile.CurrentVersion}");
        }
    }
}
