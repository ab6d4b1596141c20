using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>A stored job (and, when read, its transitions) as placement.v1 shows it.</summary>
internal static class JobMapping
{
    /// <param name="isSimulated">Whether a cluster runs on the simulator rather than Kubernetes.</param>
    /// <param name="transitions">Oldest first; null when not read (lists), which leaves them out of the message.</param>
    public static V1.Job ToProto(this Job job, Func<string, bool> isSimulated, IReadOnlyList<StateTransition>? transitions = null)
    {
        var proto = new V1.Job
        {
            Id = job.Id.Value,
            Team = job.Team,
            Spec = job.Spec.ToProto(),
            State = job.State.ToProto(),
            StateReason = job.StateReason,
            CreatedAt = Timestamp.FromDateTimeOffset(job.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(job.UpdatedAt),
            Attempts = job.Attempt,
            IdempotencyKey = job.IdempotencyKey,
        };
        if (job.Placement is { } placement)
        {
            proto.Placement = placement.ToProto(isSimulated(placement.Cluster), WasDispatched(job, transitions) ? DispatchNames.For(job.Id, placement.Attempt) : "");
        }
        if (transitions is not null)
        {
            proto.Transitions.AddRange(transitions.Select(ToProto));
        }
        return proto;
    }

    public static V1.StateTransition ToProto(this StateTransition transition) => new()
    {
        From = transition.From?.ToProto() ?? V1.JobState.Unspecified,
        To = transition.To.ToProto(),
        Reason = transition.Reason,
        At = Timestamp.FromDateTimeOffset(transition.At),
    };

    public static V1.Placement ToProto(this Placement placement, bool simulated, string kubernetesJob) => new()
    {
        Cluster = placement.Cluster,
        Pool = placement.Pool,
        Cloud = placement.Region.Cloud.ToWire(),
        Region = placement.Region.Name,
        InstanceType = placement.InstanceType,
        CapacityType = placement.CapacityType.ToProto(),
        Nodes = placement.Nodes,
        Cost = placement.Cost.ToProto(),
        Attempt = placement.Attempt,
        Simulated = simulated,
        KubernetesJob = kubernetesJob,
    };

    public static V1.CostBreakdown ToProto(this CostBreakdown cost) => new()
    {
        HourlyPrice = cost.HourlyPricePerNode.ToString(),
        Nodes = cost.Nodes,
        Hours = (double)cost.Hours,
        Compute = cost.Compute.ToString(),
        Egress = cost.Egress.ToString(),
        SpotRisk = cost.SpotRisk.ToString(),
        Total = cost.Total.ToString(),
    };

    /// <summary>
    /// Whether the current attempt reached the cluster, so its Kubernetes Job exists (or existed).
    /// Failed and Cancelled may come before or after dispatch; only the transitions tell, so without them the name is left out.
    /// </summary>
    private static bool WasDispatched(Job job, IReadOnlyList<StateTransition>? transitions) => job.State switch
    {
        JobState.Dispatched or JobState.Running or JobState.Succeeded or JobState.Preempted => true,
        JobState.Failed or JobState.Cancelled when transitions is not null =>
            transitions.Reverse().TakeWhile(t => t.To != JobState.Placed).Any(t => t.To == JobState.Dispatched),
        _ => false,
    };
}
