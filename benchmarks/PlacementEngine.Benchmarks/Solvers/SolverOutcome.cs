using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>A solver's plan, and for solvers that can tell, whether it is a proven optimum.</summary>
public sealed record SolverOutcome(PlacementPlan Plan, bool? ProvenOptimal);
