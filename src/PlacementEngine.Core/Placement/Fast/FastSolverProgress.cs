namespace PlacementEngine.Core;

/// <summary>
/// A phase of the fast solver's search has ended (<see cref="FastSolverOptions.Progress"/>): the best plan's
/// objective then and the best proven lower bound then, in the objective's dollars.
/// </summary>
public sealed record FastSolverProgress(string Phase, decimal Objective, decimal LowerBound);
