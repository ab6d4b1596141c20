using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Server.Hosting;

/// <summary>The exact solver (CP-SAT) for small batches, where it proves optimality quickly; the fast solver for the rest.</summary>
internal static class SolverWiring
{
    /// <summary>A scheduling cycle waits for its solve: the exact solver returns its best plan, with its gap, after this long.</summary>
    public static readonly TimeSpan ExactTimeLimit = TimeSpan.FromSeconds(2);

    public static ISolverSelector Create() =>
        new SizeBasedSolverSelector(new FastSolver(), new ExactSolver(new ExactSolverOptions { TimeLimit = ExactTimeLimit }));
}
