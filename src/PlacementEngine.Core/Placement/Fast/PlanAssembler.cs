namespace PlacementEngine.Core;

/// <summary>
/// Writes a <see cref="FastSolution"/> out as a <see cref="PlacementPlan"/>. Each assignment's candidate comes from
/// <see cref="Eligibility.Evaluate"/> itself, and must agree with what the fast path decided on: a disagreement is a
/// bug in the fast path, never a plan to hand out.
/// </summary>
internal static class PlanAssembler
{
    public static PlacementPlan Assemble(string solver, PreparedProblem problem, FastSolution solution, Money? lowerBound)
    {
        var index = problem.Index;
        var assignments = new List<Assignment>();
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            var pool = solution.PoolOf[j];
            if (pool < 0)
            {
                continue;
            }
            var job = problem.Jobs[j].Job;
            var indexed = index.Pools[pool];
            var candidate = Eligibility.Evaluate(job, indexed.Cluster, indexed.Pool, index.Prices);
            if (!candidate.Eligible || candidate.Cost!.Total.Dollars != solution.CostOf[j])
            {
                throw new InvalidOperationException(
                    $"fast path disagrees with eligibility for {job.Id} on {indexed.Pool.Name}: {candidate.Rejection} {candidate.Detail}, " +
                    $"cost {candidate.Cost?.Total} vs {solution.CostOf[j]}");
            }
            assignments.Add(new Assignment(job, candidate));
        }

        var reasons = new UnplacedReasons(problem, assignments);
        var unplaced = new List<Unplaced>();
        for (var j = 0; j < problem.Jobs.Length; j++)
        {
            if (solution.PoolOf[j] < 0)
            {
                unplaced.Add(reasons.For(problem.Jobs[j]));
            }
        }
        return new PlacementPlan(solver, assignments, unplaced, lowerBound);
    }
}
