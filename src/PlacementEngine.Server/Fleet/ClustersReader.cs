using PlacementEngine.Core;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>Reads <c>clusters</c> and their pools into the core's types, checking names and prices across the whole file.</summary>
internal sealed class ClustersReader
{
    private static readonly string[] Keys = ["name", "region", "labels", "gpuCaps", "kubeconfig", "context", "inCluster", "pools"];

    private readonly RegionDirectory _regions;
    private readonly IReadOnlySet<RegionId> _declaredOnPrem;
    private readonly string _baseDirectory;
    private readonly FirstDefinitions<string, Cluster?> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterExecutorSettings> _executors = new(StringComparer.Ordinal);
    private readonly PoolsReader _pools = new();

    /// <param name="declaredOnPrem">Every on-prem region the file declares, valid or not.</param>
    public ClustersReader(RegionDirectory regions, IReadOnlySet<RegionId> declaredOnPrem, string baseDirectory)
    {
        _regions = regions;
        _declaredOnPrem = declaredOnPrem;
        _baseDirectory = baseDirectory;
    }

    public IReadOnlyList<Cluster> Clusters => _clusters.All.Select(p => p.Value).OfType<Cluster>().ToList();

    public IReadOnlyList<Pool> Pools => _pools.Pools;

    public IReadOnlyDictionary<string, ClusterExecutorSettings> Executors => _executors;

    public PriceBook Prices(long version) => _pools.Prices(version);

    public void Read(YamlMap root)
    {
        foreach (var cluster in root.Maps("clusters", Keys, required: true))
        {
            ReadCluster(cluster);
        }
    }

    private void ReadCluster(YamlMap map)
    {
        var problemsBefore = map.Problems.Count;
        var name = map.Text("name", required: true);
        var region = ReadRegion(map);
        var labels = map.TextMap("labels");
        var gpuCaps = ReadGpuCaps(map);
        var executor = ReadExecutor(map);
        var cluster = name is not null && region is not null && map.Problems.Count == problemsBefore
            ? new Cluster(name, region.Id, region.Jurisdiction, labels, Healthy: true, gpuCaps)
            : null;
        if (name is not null)
        {
            if (_clusters.TryAdd(name, cluster, map.Line, out var first))
            {
                _executors[name] = executor;
            }
            else
            {
                map.Report("name", $"cluster '{name}' is already defined at line {first.Line}");
            }
        }
        // Pools are read even when the cluster itself is wrong, so their own problems show up in the same run.
        _pools.Read(map, name, region?.Id);
    }

    private RegionInfo? ReadRegion(YamlMap map)
    {
        var text = map.Text("region", required: true);
        if (text is null)
        {
            return null;
        }
        if (!RegionId.TryParse(text, out var id))
        {
            map.Report("region", $"'{text}' is not a region; write cloud:region, e.g. gcp:europe-west4 (clouds: aws, gcp, azure, onprem)");
            return null;
        }
        if (_regions.TryGet(id, out var info))
        {
            return info;
        }
        if (id.Cloud != Cloud.OnPrem)
        {
            map.Report("region", $"'{id}' is not a known {id.Cloud.ToWire()} region");
        }
        else if (!_declaredOnPrem.Contains(id))
        {
            map.Report("region", $"'{id}' is not declared under regions");
        }
        return null;
    }

    private static Dictionary<string, int> ReadGpuCaps(YamlMap map)
    {
        var caps = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in map.Entries("gpuCaps"))
        {
            var (name, text) = (entry.Name.Trim(), entry.Text.Trim());
            var model = GpuModels.Normalize(name);
            if (model is null)
            {
                map.Problems.Add(entry.Problem($"'{name}' is not a GPU model this build knows ({string.Join(", ", GpuModels.Known)})"));
            }
            else if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cap))
            {
                map.Problems.Add(entry.Problem($"'{text}' is not a GPU count (a whole number, 0 or more)"));
            }
            else if (!caps.TryAdd(model, cap))
            {
                map.Problems.Add(entry.Problem($"{model} is capped twice"));
            }
        }
        return caps;
    }

    private ClusterExecutorSettings ReadExecutor(YamlMap map)
    {
        var kubeconfig = map.Text("kubeconfig");
        var context = map.Text("context");
        if (ReadInCluster(map))
        {
            if (kubeconfig is not null || context is not null)
            {
                map.Report("inCluster", "the pod's own service account connects an in-cluster cluster: leave kubeconfig and context out");
            }
            return ClusterExecutorSettings.InClusterApi;
        }
        if (kubeconfig is null)
        {
            if (context is not null)
            {
                map.Report("context", "names a kubeconfig context, but the cluster has no kubeconfig (it runs on the simulator)");
            }
            return ClusterExecutorSettings.Simulator;
        }
        // Relative to the fleet file, so a fleet and its kubeconfigs can move together.
        return new ClusterExecutorSettings(Path.GetFullPath(Path.Combine(_baseDirectory, kubeconfig)), context);
    }

    private static bool ReadInCluster(YamlMap map)
    {
        var text = map.Text("inCluster");
        switch (text)
        {
            case null or "false":
                return false;
            case "true":
                return true;
            default:
                map.Report("inCluster", $"'{text}' is not true or false");
                return false;
        }
    }
}
