namespace PlacementEngine.Core;

public enum OverrideKind
{
    /// <summary>The matched prices become this many dollars per node-hour.</summary>
    Absolute,

    /// <summary>The matched prices change by this many percent: -15 is a 15% discount.</summary>
    Percentage,
}

/// <summary>
/// Which prices an override applies to; a null part matches everything. Region, family and type compare
/// case-insensitively; <see cref="InstanceFamily"/> follows <see cref="InstanceFamilies"/> (p4d.24xlarge -> p4d,
/// a2-highgpu-8g -> a2-highgpu, Standard_ND96asr_v4 -> Standard_ND). When several match, see <see cref="PriceBookComposer"/>.
/// </summary>
public sealed record OverrideSelector(
    Cloud? Cloud = null,
    string? Region = null,
    string? InstanceFamily = null,
    string? InstanceType = null,
    CapacityType? CapacityType = null);

/// <summary>
/// An admin's adjustment on top of imported prices, like a negotiated discount or a savings plan
/// (Karpenter's NodeOverlay does the same for one cluster).
/// </summary>
public sealed record PriceOverride(
    string Id,
    OverrideSelector Selector,
    OverrideKind Kind,
    decimal Value,
    string Comment,
    string CreatedBy,
    DateTimeOffset CreatedAt);
