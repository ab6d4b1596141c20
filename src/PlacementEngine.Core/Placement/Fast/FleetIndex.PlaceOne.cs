namespace PlacementEngine.Core;

public sealed partial class FleetIndex
{
    /// <summary>
    /// The cheapest pool that can take <paramref name="job"/> now, given what <paramref name="problem"/> says is
    /// in use (free nodes, GPUs in use, remaining budgets); its other jobs are ignored. For placing a job that arrives
    /// between scheduling cycles without solving the whole queue again.
    /// </summary>
    public OnePlacement PlaceOne(PlacementProblem problem, PendingJob job)
    {
        var single = problem with { Jobs = [job] };
        var prepared = PreparedProblem.Prepare(single, this);
        var facts = prepared.Jobs[0];
        var pool = CheapestFit.Find(facts, prepared.Empty, out var cost);
        if (pool < 0)
        {
            return new OnePlacement(null, new UnplacedReasons(prepared, []).For(facts));
        }
        var indexed = Pools[pool];
        var candidate = Eligibility.Evaluate(job, indexed.Cluster, indexed.Pool, Prices);
        if (!candidate.Eligible || candidate.Cost!.Total.Dollars != cost)
        {
            throw new InvalidOperationException($"fast path disagrees with eligibility for {job.Id} on {indexed.Pool.Name}");
        }
        return new OnePlacement(new Assignment(job, candidate), null);
    }
}
