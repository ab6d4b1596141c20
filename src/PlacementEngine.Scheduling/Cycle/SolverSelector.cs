using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>Which solver a cycle uses for a problem of a given size.</summary>
public interface ISolverSelector
{
    IPlacementSolver For(PlacementProblem problem);
}

public sealed class SingleSolver(IPlacementSolver solver) : ISolverSelector
{
    public IPlacementSolver For(PlacementProblem problem) => solver;
}

/// <summary>
/// The exact solver for small batches, where it proves optimality quickly; the fast solver for everything larger.
/// Without an exact solver (its library missing), the fast one takes every batch.
/// </summary>
public sealed class SizeBasedSolverSelector(IPlacementSolver fast, IPlacementSolver? exact, int exactUpToJobs = SizeBasedSolverSelector.DefaultExactUpToJobs) : ISolverSelector
{
    /// <summary>CBC solved instances of this size optimally within a second or two on a 2-core machine.</summary>
    public const int DefaultExactUpToJobs = 100;

    public IPlacementSolver For(PlacementProblem problem) =>
        exact is not null && problem.Jobs.Count <= exactUpToJobs ? exact : fast;
}
