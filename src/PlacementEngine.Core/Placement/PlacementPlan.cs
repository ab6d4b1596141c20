namespace PlacementEngine.Core;

public sealed record Assignment(PendingJob Job, Candidate Candidate)
{
    public CostBreakdown Cost => Candidate.Cost!;

    public Placement ToPlacement() => new(
        Candidate.Cluster.Name,
        Candidate.Pool.Name,
        Candidate.Cluster.Region,
        Candidate.Pool.InstanceType.Name,
        Candidate.Pool.CapacityType,
        Cost.Nodes,
        Cost,
        Job.NextAttempt);
}

/// <summary>A job the plan leaves waiting. <see cref="NoEligiblePool"/> means no pool passes the hard checks at all.</summary>
public sealed record Unplaced(PendingJob Job, RejectReason Reason, string Detail, bool NoEligiblePool);

/// <param name="LowerBound">A proven lower bound on the optimal objective, when the solver computes one.</param>
public sealed record PlacementPlan(
    string Solver,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<Unplaced> Unplaced,
    Money? LowerBound)
{
    public Money TotalCost => Assignments.Aggregate(Money.Zero, (sum, a) => sum + a.Cost.Total);
}

public interface IPlacementSolver
{
    string Name { get; }

    PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default);
}
