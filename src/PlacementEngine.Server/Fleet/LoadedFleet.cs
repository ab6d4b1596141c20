using PlacementEngine.Core;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>Everything a fleet file says, as the core's types.</summary>
/// <param name="Regions">The built-in region table extended with the file's on-prem regions.</param>
/// <param name="Prices">Version 1 of the price book: one entry per pool's (cloud, region, instance type, capacity type).</param>
/// <param name="Budgets">Team -> budget; a team not listed is not limited.</param>
/// <param name="Executors">Cluster name -> how to reach it.</param>
public sealed record LoadedFleet(
    Fleet Fleet,
    RegionDirectory Regions,
    PriceBook Prices,
    IReadOnlyDictionary<string, Money> Budgets,
    IReadOnlyDictionary<string, ClusterExecutorSettings> Executors);

/// <summary>How to reach one cluster.</summary>
/// <param name="KubeconfigPath">Absolute path, or null when the cluster runs on the simulator.</param>
/// <param name="Context">The kubeconfig context, or null for the kubeconfig's current context.</param>
public sealed record ClusterExecutorSettings(string? KubeconfigPath, string? Context, bool InCluster = false)
{
    public static ClusterExecutorSettings Simulator { get; } = new(null, null);

    /// <summary>The Kubernetes API of the cluster the server runs in, through its pod's service account.</summary>
    public static ClusterExecutorSettings InClusterApi { get; } = new(null, null, InCluster: true);

    public bool IsSimulated => KubeconfigPath is null && !InCluster;
}
