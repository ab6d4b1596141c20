namespace PlacementEngine.Core;

/// <summary>
/// Jobs asking for the same thing (GPUs and models per worker, vCPU, memory, residency, cluster selector, capacity
/// policy, tolerations) pass and fail the same checks on every pool. A class runs those checks once for all of its jobs; what is
/// left per job is its blocked pools and its price cap.
/// </summary>
internal sealed class RequirementClass
{
    /// <summary>The <see cref="Stages"/> value of a pool that passes every class-level check.</summary>
    public const byte Pass = byte.MaxValue;

    /// <param name="clusterStage">Per cluster of the index, <see cref="HardChecks.ClusterCheck"/> for the class.</param>
    /// <param name="shapeStage">Per shape of the index, <see cref="HardChecks.ShapeCheck"/> for the class.</param>
    public RequirementClass(int id, FleetIndex index, RejectReason?[] clusterStage, RejectReason?[] shapeStage, CapacityPolicy policy, IReadOnlyList<Toleration> tolerations)
    {
        Id = id;
        Stages = new byte[index.PoolCount];
        var eligible = new List<int>();
        for (var p = 0; p < index.PoolCount; p++)
        {
            var pool = index.Pools[p];
            var reason = clusterStage[pool.ClusterIndex]
                ?? shapeStage[pool.ShapeIndex]
                ?? HardChecks.PolicyCheck(policy, pool.Pool.CapacityType)
                ?? HardChecks.TaintCheck(tolerations, pool.Pool.Taints)
                ?? (pool.HasPrice ? null : RejectReason.NoPrice);
            Stages[p] = reason is { } r ? (byte)r : Pass;
            if (reason is null)
            {
                eligible.Add(p);
            }
        }
        Eligible = [.. eligible];
    }

    public int Id { get; }

    /// <summary>Per pool of the index: <see cref="Pass"/>, or the first failing check as a <see cref="RejectReason"/>.</summary>
    public byte[] Stages { get; }

    /// <summary>Pool indices passing every class-level check, cheapest node-hour first (the index order).</summary>
    public int[] Eligible { get; }
}
