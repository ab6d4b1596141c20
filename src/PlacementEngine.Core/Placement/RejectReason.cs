namespace PlacementEngine.Core;

/// <summary>Why a pool cannot take a job. Hard reasons hold whatever else is running; the last three depend on the plan.</summary>
public enum RejectReason
{
    Unhealthy,
    Residency,
    Selector,
    GpuModel,
    GpuCount,
    Resources,
    CapacityPolicy,
    Taint,
    Blocked,
    NoPrice,
    PriceCap,
    Capacity,
    GpuCap,
    Budget,
}

public static class RejectReasons
{
    public static string ToWire(this RejectReason reason) => reason switch
    {
        RejectReason.Unhealthy => "unhealthy",
        RejectReason.Residency => "residency",
        RejectReason.Selector => "selector",
        RejectReason.GpuModel => "gpu-model",
        RejectReason.GpuCount => "gpu-count",
        RejectReason.Resources => "resources",
        RejectReason.CapacityPolicy => "capacity-policy",
        RejectReason.Taint => "taint",
        RejectReason.Blocked => "blocked",
        RejectReason.NoPrice => "no-price",
        RejectReason.PriceCap => "price-cap",
        RejectReason.Capacity => "capacity",
        RejectReason.GpuCap => "gpu-cap",
        RejectReason.Budget => "budget",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown reason"),
    };

    /// <summary>Reasons that go away as other work finishes: the job waits (Pending) rather than being Unschedulable.</summary>
    public static bool IsTransient(this RejectReason reason) =>
        reason is RejectReason.Capacity or RejectReason.GpuCap or RejectReason.Budget or RejectReason.Unhealthy;
}
