namespace PlacementEngine.Core;

/// <summary>
/// What a plan has taken so far: nodes per pool, GPUs per cluster and model, money per team.
/// Solvers try a candidate against it and take it only when every joint constraint still holds.
/// </summary>
public sealed class CapacityLedger(PlacementProblem problem)
{
    private readonly Dictionary<string, int> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _gpus = new();
    private readonly Dictionary<string, Money> _spent = new(StringComparer.Ordinal);

    public int FreeNodes(Pool pool) => problem.FreeNodes(pool) - _nodes.GetValueOrDefault(pool.Name);

    /// <summary>Null when the candidate fits; otherwise which joint constraint it breaks and how.</summary>
    public (RejectReason Reason, string Detail)? Check(PendingJob job, Candidate candidate)
    {
        var cost = candidate.Cost!;
        var free = FreeNodes(candidate.Pool);
        if (free < cost.Nodes)
        {
            return (RejectReason.Capacity, $"{candidate.Pool.Name} has {free} free nodes, job needs {cost.Nodes}");
        }
        var type = candidate.Pool.InstanceType;
        if (type.GpuModel is { } model && candidate.Cluster.GpuCaps.TryGetValue(model, out var cap))
        {
            var key = (candidate.Cluster.Name, model);
            var inUse = problem.GpusInUse.GetValueOrDefault(key) + _gpus.GetValueOrDefault(key);
            var wanted = cost.Nodes * type.GpusPerNode;
            if (inUse + wanted > cap)
            {
                return (RejectReason.GpuCap, $"{candidate.Cluster.Name} caps {model} at {cap} GPUs, {inUse} in use, job needs {wanted}");
            }
        }
        if (problem.RemainingBudgets.TryGetValue(job.Spec.Team, out var budget))
        {
            var left = budget - _spent.GetValueOrDefault(job.Spec.Team);
            if (cost.Total > left)
            {
                return (RejectReason.Budget, $"team {job.Spec.Team} has ${left.Rounded()} left, job is expected to cost ${cost.Total}");
            }
        }
        return null;
    }

    public void Take(PendingJob job, Candidate candidate)
    {
        var cost = candidate.Cost!;
        _nodes[candidate.Pool.Name] = _nodes.GetValueOrDefault(candidate.Pool.Name) + cost.Nodes;
        if (candidate.Pool.InstanceType.GpuModel is { } model)
        {
            var key = (candidate.Cluster.Name, model);
            _gpus[key] = _gpus.GetValueOrDefault(key) + cost.Nodes * candidate.Pool.InstanceType.GpusPerNode;
        }
        _spent[job.Spec.Team] = _spent.GetValueOrDefault(job.Spec.Team) + cost.Total;
    }
}
