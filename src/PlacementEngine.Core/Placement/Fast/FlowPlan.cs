namespace PlacementEngine.Core;

/// <summary>
/// A plan from <see cref="PlacementFlow"/>: the flow knows which jobs can be placed together, not where they are
/// cheapest (it moves units wherever a path leads). So the jobs it placed whole take their cheapest pool that still
/// fits, the most penalty first and, among equals, those with the fewest pools first; everything left then takes
/// any pool that fits, as in <see cref="PrimalHeuristic.FillPending"/>.
/// </summary>
internal static class FlowPlan
{
    public static FastSolution Build(PreparedProblem problem, PlacementFlow flow, PrimalHeuristic primal)
    {
        var kinds = flow.Kinds;
        var chosen = Enumerable.Range(0, problem.Jobs.Length)
            .Where(j => flow.PoolOfJob(j) >= 0)
            .OrderByDescending(j => problem.Penalty[j])
            .ThenBy(j => kinds.Pools[kinds.KindOf[j]].Length)
            .ThenBy(j => j);
        var solution = new FastSolution(problem);
        foreach (var j in chosen)
        {
            var pool = CheapestFit.Find(problem.Jobs[j], solution.Ledger, out var cost);
            if (pool >= 0)
            {
                solution.Place(j, pool, cost);
            }
        }
        primal.FillPending(solution);
        return solution;
    }
}
