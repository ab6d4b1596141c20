namespace PlacementEngine.Core;

/// <summary>One pool considered for one job: its cost when it has a price, and why it was rejected if it was.</summary>
public sealed record Candidate(
    Pool Pool,
    Cluster Cluster,
    int? Nodes,
    CostBreakdown? Cost,
    RejectReason? Rejection,
    string Detail)
{
    public bool Eligible => Rejection is null;

    public Candidate Reject(RejectReason reason, string detail) => this with { Rejection = reason, Detail = detail };
}
