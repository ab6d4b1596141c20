namespace PlacementEngine.Server.FleetFiles;

// The namespace is FleetFiles rather than Fleet so that it never hides the core's Fleet type from code in
// PlacementEngine.Server.*.

/// <summary>
/// The fleet file: the clusters the engine may place jobs on, their pools with prices, team budgets, and how to
/// reach each cluster. YAML, one document; deploy/examples/fleet.yaml is a complete example.
/// <code>
/// version: 1                    # required; the only version this build reads
/// teams:                        # optional; budget in dollars over the fleet's lifetime, a decimal string
///   - name: ml-research         #   a team not listed has no budget limit
///     budget: "25000"
/// regions:                      # optional; on-prem regions only, with the ISO country their data sits in
///   - id: onprem:fra-dc1        #   cloud regions come from the built-in table
///     country: DE
/// clusters:                     # required, at least one
///   - name: gke-europe-west4    # required, unique
///     region: gcp:europe-west4  # required, cloud:region
///     labels: {environment: prod, purpose: training}   # optional
///     gpuCaps: {A100: 64}       # optional; most GPUs of a model running at once
///     kubeconfig: ""            # optional; relative to this file; empty = run on the simulator
///     context: ""               # optional; kubeconfig context, empty = its current context
///     pools:                    # required, at least one
///       - name: gke-europe-west4/a2-highgpu-8g/spot   # optional, unique; this is the default
///         instanceType: a2-highgpu-8g                 # required
///         gpu: {model: A100, count: 8}                # optional; absent = CPU-only
///         vcpus: 96                                   # required, per node
///         memoryGiB: 680                              # required, per node
///         capacityType: spot                          # required: spot | on-demand | reserved
///         zone: europe-west4-a                        # optional
///         maxNodes: 4                                 # required, 0 or more
///         hourlyPrice: "19.4217"                      # required, $/node-hour, decimal
///         nodeLabels: {}                              # optional; extra labels that select the node
/// </code>
/// Two pools with the same (cloud, region, instance type, capacity type) share one price-book entry, so they must
/// state the same price. Unknown keys are errors: a misspelt optional key would otherwise be silently ignored.
/// </summary>
public static class FleetFile
{
    public const int CurrentVersion = 1;

    /// <summary>The name a pool gets when the file gives it none; unique as long as a cluster has one pool per type and capacity.</summary>
    public static string DefaultPoolName(string cluster, string instanceType, string capacityType) =>
        $"{cluster}/{instanceType}/{capacityType}";
}
