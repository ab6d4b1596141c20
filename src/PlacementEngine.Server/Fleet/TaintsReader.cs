using PlacementEngine.Core;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>
/// Reads a pool's <c>taints</c>. A GPU pool that does not say gets <c>nvidia.com/gpu:NoSchedule</c>, as EKS, GKE and
/// AKS put on GPU node pools, so CPU jobs stay off GPU nodes; <c>taints: []</c> turns that off.
/// </summary>
internal static class TaintsReader
{
    private static readonly string[] Keys = ["key", "value", "effect"];

    public static IReadOnlyList<Taint> Read(YamlMap pool, InstanceType? shape)
    {
        if (pool.Node("taints") is null)
        {
            return shape is { GpusPerNode: > 0 } ? [Taint.NvidiaGpu] : [];
        }
        var taints = new List<Taint>();
        foreach (var map in pool.Maps("taints", Keys))
        {
            var key = map.Text("key", required: true);
            var value = map.Text("value") ?? "";
            var effectText = map.Text("effect", required: true);
            TaintEffect effect = default;
            if (effectText is not null && !TaintEffects.TryParse(effectText, out effect))
            {
                map.Report("effect", $"'{effectText}' is not NoSchedule, PreferNoSchedule or NoExecute");
                continue;
            }
            if (key is not null && effectText is not null)
            {
                taints.Add(new Taint(key, value, effect));
            }
        }
        return taints;
    }
}
