namespace PlacementEngine.Core;

/// <summary>A kind of node a cluster can run, with how many of them it may have at once.</summary>
public sealed record Pool(
    string Name,
    string Cluster,
    InstanceType InstanceType,
    CapacityType CapacityType,
    string? Zone,
    int MaxNodes,
    IReadOnlyDictionary<string, string> NodeLabels)
{
    /// <summary>Taints every node of the pool carries; a job runs here only when it tolerates them.</summary>
    public IReadOnlyList<Taint> Taints { get; init; } = [];
}
