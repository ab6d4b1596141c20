using Grpc.Core;
using PlacementEngine.Core;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>Enums between placement.v1 and the core. Values a newer client might send are refused by name.</summary>
internal static class EnumMapping
{
    public static V1.JobState ToProto(this JobState state) => state switch
    {
        JobState.Pending => V1.JobState.Pending,
        JobState.Placed => V1.JobState.Placed,
        JobState.Dispatched => V1.JobState.Dispatched,
        JobState.Running => V1.JobState.Running,
        JobState.Succeeded => V1.JobState.Succeeded,
        JobState.Failed => V1.JobState.Failed,
        JobState.Unschedulable => V1.JobState.Unschedulable,
        JobState.Preempted => V1.JobState.Preempted,
        JobState.Cancelled => V1.JobState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown job state"),
    };

    /// <param name="field">The request field, for the error message (e.g. "states[2]").</param>
    public static JobState ToCore(this V1.JobState state, string field) => state switch
    {
        V1.JobState.Pending => JobState.Pending,
        V1.JobState.Placed => JobState.Placed,
        V1.JobState.Dispatched => JobState.Dispatched,
        V1.JobState.Running => JobState.Running,
        V1.JobState.Succeeded => JobState.Succeeded,
        V1.JobState.Failed => JobState.Failed,
        V1.JobState.Unschedulable => JobState.Unschedulable,
        V1.JobState.Preempted => JobState.Preempted,
        V1.JobState.Cancelled => JobState.Cancelled,
        _ => throw Rpc.Error(StatusCode.InvalidArgument, $"{field}: {state} is not a job state; use JOB_STATE_PENDING ... JOB_STATE_CANCELLED"),
    };

    public static V1.CapacityType ToProto(this CapacityType type) => type switch
    {
        CapacityType.Spot => V1.CapacityType.Spot,
        CapacityType.OnDemand => V1.CapacityType.OnDemand,
        CapacityType.Reserved => V1.CapacityType.Reserved,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown capacity type"),
    };

    public static V1.CapacityPolicy ToProto(this CapacityPolicy policy) => policy switch
    {
        CapacityPolicy.SpotOnly => V1.CapacityPolicy.SpotOnly,
        CapacityPolicy.SpotPreferred => V1.CapacityPolicy.SpotPreferred,
        CapacityPolicy.OnDemandOnly => V1.CapacityPolicy.OnDemandOnly,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown capacity policy"),
    };

    /// <summary>UNSPECIFIED means the default, spot-preferred, as the proto documents.</summary>
    public static CapacityPolicy ToCore(this V1.CapacityPolicy policy) => policy switch
    {
        V1.CapacityPolicy.Unspecified or V1.CapacityPolicy.SpotPreferred => CapacityPolicy.SpotPreferred,
        V1.CapacityPolicy.SpotOnly => CapacityPolicy.SpotOnly,
        V1.CapacityPolicy.OnDemandOnly => CapacityPolicy.OnDemandOnly,
        _ => throw Rpc.Error(StatusCode.InvalidArgument, $"spec.capacity_policy: {(int)policy} is not a capacity policy; use SPOT_ONLY, SPOT_PREFERRED or ON_DEMAND_ONLY"),
    };
}
