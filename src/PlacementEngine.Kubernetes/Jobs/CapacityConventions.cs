using PlacementEngine.Core;
using k8s.Models;

namespace PlacementEngine.Kubernetes.Jobs;

/// <summary>How a pod asks for one capacity type, in the node labels and taints each cloud's autoscaler uses.</summary>
/// <param name="NodeRequirements">Required node-affinity terms, for what a node selector cannot say (label absent).</param>
internal sealed record CapacityPlacement(
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<V1Toleration> Tolerations,
    IReadOnlyList<V1NodeSelectorRequirement> NodeRequirements)
{
    public static CapacityPlacement None { get; } = new(new Dictionary<string, string>(), [], []);
}

internal static class CapacityConventions
{
    public const string KarpenterCapacityType = "karpenter.sh/capacity-type";
    public const string GkeSpot = "cloud.google.com/gke-spot";
    public const string AksScaleSetPriority = "kubernetes.azure.com/scalesetpriority";
    public const string NoSchedule = "NoSchedule";

    public static CapacityPlacement For(Cloud cloud, CapacityType capacity) => cloud switch
    {
        Cloud.Aws => Aws(capacity),
        Cloud.Gcp => Gcp(capacity),
        Cloud.Azure => Azure(capacity),
        // On-prem nodes carry no standard capacity label: the pool's node labels say where to go.
        _ => CapacityPlacement.None,
    };

    // Karpenter labels every node it launches with spot, on-demand or (since v1.3, capacity reservations) reserved.
    private static CapacityPlacement Aws(CapacityType capacity) =>
        new(new Dictionary<string, string> { [KarpenterCapacityType] = capacity.ToWire() }, [], []);

    private static CapacityPlacement Gcp(CapacityType capacity)
    {
        if (capacity == CapacityType.Spot)
        {
            // GKE labels Spot VMs gke-spot=true; node auto-provisioning also taints them, hence the toleration.
            return new(
                new Dictionary<string, string> { [GkeSpot] = "true" },
                [new V1Toleration { Key = GkeSpot, OperatorProperty = "Equal", Value = "true", Effect = NoSchedule }],
                []);
        }
        // Spot node pools in GKE Standard are not tainted by default, so on-demand work must stay off them explicitly.
        return new(
            new Dictionary<string, string>(),
            [],
            [new V1NodeSelectorRequirement { Key = GkeSpot, OperatorProperty = "NotIn", Values = ["true"] }]);
    }

    private static CapacityPlacement Azure(CapacityType capacity)
    {
        if (capacity != CapacityType.Spot)
        {
            // AKS taints spot nodes, so pods without the toleration already stay on regular nodes.
            return CapacityPlacement.None;
        }
        return new(
            new Dictionary<string, string> { [AksScaleSetPriority] = "spot" },
            [new V1Toleration { Key = AksScaleSetPriority, OperatorProperty = "Equal", Value = "spot", Effect = NoSchedule }],
            []);
    }
}
