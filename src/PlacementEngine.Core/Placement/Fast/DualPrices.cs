namespace PlacementEngine.Core;

/// <summary>
/// Lagrange multipliers of the coupling constraints, all non-negative: dollars per node of a pool, dollars per GPU
/// of a capped (cluster, model), and, per budget-limited team, a surcharge per dollar the team spends.
/// A job's reduced cost on a pool is cost x (1 + team surcharge) + nodes x (pool price + GPUs per node x cap price
/// + cap node price). The cap node prices belong to a valid inequality the caps imply, not to a constraint of the
/// problem: no more nodes in a capped (cluster, model) than its GPUs left can fill, smallest nodes first
/// (<see cref="PreparedProblem.CapNodeLimit"/>). Only <see cref="PlacementFlow"/> sets them.
/// </summary>
internal sealed class DualPrices
{
    private readonly FleetIndex _index;

    public DualPrices(FleetIndex index, int teams)
    {
        _index = index;
        Pool = new double[index.PoolCount];
        Cap = new double[index.CapKeys.Length];
        Team = new double[teams];
        CapNode = new double[index.CapKeys.Length];
        PerNode = new double[index.PoolCount];
    }

    public double[] Pool { get; }

    public double[] Cap { get; }

    public double[] Team { get; }

    public double[] CapNode { get; }

    /// <summary>Pool and cap prices folded into one price per node; call <see cref="Refresh"/> after changing them.</summary>
    public double[] PerNode { get; }

    public double CostFactor(int team) => team < 0 ? 1d : 1d + Team[team];

    public void Refresh()
    {
        for (var p = 0; p < PerNode.Length; p++)
        {
            var capKey = _index.CapKeyOf[p];
            PerNode[p] = capKey < 0 ? Pool[p] : Pool[p] + (Cap[capKey] * _index.GpusOf[p]) + CapNode[capKey];
        }
    }

    public void CopyFrom(DualPrices other)
    {
        Array.Copy(other.Pool, Pool, Pool.Length);
        Array.Copy(other.Cap, Cap, Cap.Length);
        Array.Copy(other.Team, Team, Team.Length);
        Array.Copy(other.CapNode, CapNode, CapNode.Length);
        Array.Copy(other.PerNode, PerNode, PerNode.Length);
    }

    public DualPrices Clone()
    {
        var copy = new DualPrices(_index, Team.Length);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>The job's cheapest option under these prices among its listed pools: an index into the list, or -1 for pending.</summary>
    public int BestListed(JobFacts job, CandidateList list, double penalty, out double value)
    {
        var factor = CostFactor(job.Team);
        var nodes = (double)job.Workers;
        var pools = list.Pools;
        var costs = list.Costs;
        var best = -1;
        value = penalty;
        for (var i = 0; i < list.Count; i++)
        {
            var reduced = (factor * costs[i]) + (nodes * PerNode[pools[i]]);
            if (reduced < value)
            {
                value = reduced;
                best = i;
            }
        }
        return best;
    }
}
