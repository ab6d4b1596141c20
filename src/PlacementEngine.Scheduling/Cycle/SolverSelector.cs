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
