using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Solvers.Cbc;

namespace PlacementEngine.Server.Hosting;

/// <summary>CBC for small batches when its library is installed (it proves optimality there quickly); the fast solver for the rest.</summary>
internal static class SolverWiring
{
    public static ISolverSelector Create()
    {
        var fast = new FastSolver();
        var exact = CbcSolver.IsAvailable ? new CbcSolver(new CbcSolverOptions { TimeLimit = TimeSpan.FromSeconds(2) }) : null;
        return new SizeBasedSolverSelector(fast, exact);
    }
}
