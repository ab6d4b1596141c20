using PlacementEngine.Core;
using YamlDotNet.Core;
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
        var log = new ProblemLog(source);
        var root = ParseYaml(yaml, log);
        if (root is null || YamlMap.Open(root, string.Empty, log, RootKeys) is not { } map)
        {
            throw log.ToException();
        }
        ReadVersion(map);
        var budgets = TeamsReader.Read(map);
        var (onPrem, declaredOnPrem) = RegionsReader.Read(map);
        var regions = RegionDirectory.Default.With(onPrem);
        var clusters = new ClustersReader(regions, declaredOnPrem, baseDirectory);
        clusters.Read(map);
        if (log.Any)
        {
            throw log.ToException();
        }
        return new LoadedFleet(
            new Fleet(clusters.Clusters, clusters.Pools),
            regions,
            clusters.Prices(InitialPriceBookVersion),
            budgets,
            clusters.Executors);
    }

    private static YamlNode? ParseYaml(string yaml, ProblemLog log)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            log.Add((int)e.Start.Line, string.Empty, $"not valid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, without a position, for some documents that end inside a flow collection.
            log.Add(0, string.Empty, "not valid YAML: the document ends inside an unclosed [ ] or { }");
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            log.Add(0, string.Empty, stream.Documents.Count == 0 ? "the file is empty" : $"holds {stream.Documents.Count} YAML documents; a fleet file is one");
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
