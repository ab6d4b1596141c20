using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Server.Hosting;

/// <summary>The exact solver for small batches, where it proves optimality quickly; the fast solver for the rest.</summary>
internal static class SolverWiring
{
    /// <summary>A scheduling cycle waits for its solve: the exact solver returns its best plan, with its gap, after this long.</summary>
    public static readonly TimeSpan ExactTimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The fast solver stops searching for prices after this long and finishes its plan: a budget-bound batch of
    /// 10,000 jobs took 5 s in all when left to its iteration limit (L seed 7 contended).
    /// </summary>
    public static readonly TimeSpan FastSearchBudget = TimeSpan.FromSeconds(2);

    public static ISolverSelector Create(TimeProvider time) =>
        new SizeBasedSolverSelector(new TimeBoundedFastSolver(FastSearchBudget, time), new ExactSolver(new ExactSolverOptions { TimeLimit = ExactTimeLimit }));
}
