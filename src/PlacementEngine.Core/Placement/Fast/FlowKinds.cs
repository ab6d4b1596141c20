namespace PlacementEngine.Core;

/// <summary>
/// Jobs that can use exactly the same pools, for <see cref="PlacementFlow"/>: same requirement class, same price cap
/// cut-off and same blocked pools. A kind's pools are those with room for a node on the empty plan (free nodes, and
/// GPUs under the cluster's cap), in ascending price per node-hour.
/// </summary>
internal sealed class FlowKinds
{
    public FlowKinds(PreparedProblem problem)
    {
        var index = problem.Index;
        var empty = problem.Empty;
        var keys = new Dictionary<(int Class, int CapEnd, string Blocked), int>();
        var pools = new List<int[]>();
        KindOf = new int[problem.Jobs.Length];
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            var job = problem.Jobs[j];
            var key = (job.Class.Id, job.CapEnd, job.Blocked.Length == 0 ? "" : string.Join(',', job.Blocked));
            if (!keys.TryGetValue(key, out var kind))
            {
                kind = pools.Count;
                keys.Add(key, kind);
                pools.Add([.. job.EligiblePools().Where(p => HasRoomForANode(index, empty, p))]);
            }
            KindOf[j] = kind;
        }
        Pools = [.. pools];
    }

    /// <summary>Per job, its kind.</summary>
    public int[] KindOf { get; }

    /// <summary>Per kind, its pools in ascending price per node-hour.</summary>
    public int[][] Pools { get; }

    public int Count => Pools.Length;

    private static bool HasRoomForANode(FleetIndex index, JointLedger empty, int pool)
    {
        var capKey = index.CapKeyOf[pool];
        return empty.FreeNodes[pool] > 0 && (capKey < 0 || empty.GpusLeft[capKey] >= index.GpusOf[pool]);
    }
}
