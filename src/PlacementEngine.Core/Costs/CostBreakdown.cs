namespace PlacementEngine.Core;

/// <summary>Expected cost of running one job on one pool, term by term.</summary>
public sealed record CostBreakdown(
    Money HourlyPricePerNode,
    int Nodes,
    decimal Hours,
    Money Compute,
    Money Egress,
    Money SpotRisk)
{
    public Money Total => Compute + Egress + SpotRisk;

    /// <summary>What the job's nodes cost per hour together: what a price cap is compared with.</summary>
    public Money HourlyPriceForJob => HourlyPricePerNode * Nodes;
}
