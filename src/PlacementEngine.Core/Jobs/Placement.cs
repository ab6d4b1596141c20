namespace PlacementEngine.Core;

/// <summary>Where one attempt of a job runs, and what it is expected to cost.</summary>
public sealed record Placement(
    string Cluster,
    string Pool,
    RegionId Region,
    string InstanceType,
    CapacityType CapacityType,
    int Nodes,
    CostBreakdown Cost,
    int Attempt);
