namespace PlacementEngine.Core;

/// <summary>
/// What stops a pending job from taking a pool, and so whose jobs must make way: the pool's own when it lacks nodes,
/// every pool's of the cluster when the pool has the nodes but the cluster's GPU cap is spent (L seed 7 contended
/// left 222 jobs pending for GPU caps where the exact solver left 68).
/// </summary>
internal sealed partial class LocalSearch
{
    private readonly List<int> _capOccupants = [];

    private enum Blocker
    {
        Nodes,
        Cap,
    }

    private Blocker Blocking(FastSolution solution, int u, int pool)
    {
        var capKey = problem.Index.CapKeyOf[pool];
        return solution.Ledger.FreeNodes[pool] >= problem.Jobs[u].Workers && capKey >= 0
            && solution.Ledger.GpusLeft[capKey] < Needed(u, pool, Blocker.Cap) ? Blocker.Cap : Blocker.Nodes;
    }

    /// <summary>The jobs that could make way: the pool's, or those of every pool under its cap.</summary>
    private List<int> Occupants(Blocker blocking, int pool)
    {
        if (blocking == Blocker.Nodes)
        {
            return _occupants[pool];
        }
        _capOccupants.Clear();
        foreach (var q in problem.Index.PoolsOfCap[problem.Index.CapKeyOf[pool]])
        {
            _capOccupants.AddRange(_occupants[q]);
        }
        return _capOccupants;
    }

    private int Needed(int u, int pool, Blocker blocking) =>
        blocking == Blocker.Nodes ? problem.Jobs[u].Workers : problem.Jobs[u].Workers * problem.Index.GpusOf[pool];

    private int Have(FastSolution solution, int pool, Blocker blocking) =>
        blocking == Blocker.Nodes ? solution.Ledger.FreeNodes[pool] : solution.Ledger.GpusLeft[problem.Index.CapKeyOf[pool]];

    /// <summary>What the job's leaving frees of the blocking resource: its nodes, or its GPUs under the cap.</summary>
    private int Frees(FastSolution solution, int job, Blocker blocking) =>
        blocking == Blocker.Nodes ? problem.Jobs[job].Workers : problem.Jobs[job].Workers * problem.Index.GpusOf[solution.PoolOf[job]];
}
