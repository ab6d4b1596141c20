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
/// Without an exact solver, the fast one takes every batch.
/// </summary>
public sealed class SizeBasedSolverSelector(IPlacementSolver fast, IPlacementSolver? exact, int exactUpToJobs = SizeBasedSolverSelector.DefaultExactUpToJobs) : ISolverSelector
{
    /// <summary>The exact solver proves batches of this size optimal well within the service's 2-second limit (S scenarios, 50 jobs: about 0.1 s).</summary>
    public const int DefaultExactUpToJobs = 100;

    public IPlacementSolver For(PlacementProblem problem) =>
        exact is not null && problem.Jobs.Count <= exactUpToJobs ? exact : fast;
}
