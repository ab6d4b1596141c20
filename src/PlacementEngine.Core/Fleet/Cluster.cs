namespace PlacementEngine.Core;

/// <summary>One Kubernetes cluster in one region.</summary>
/// <param name="GpuCaps">Most GPUs of a model the cluster may run at once; a model not listed is uncapped.</param>
public sealed record Cluster(
    string Name,
    RegionId Region,
    Jurisdiction Jurisdiction,
    IReadOnlyDictionary<string, string> Labels,
    bool Healthy,
    IReadOnlyDictionary<string, int> GpuCaps)
{
    public Cloud Cloud => Region.Cloud;
}
