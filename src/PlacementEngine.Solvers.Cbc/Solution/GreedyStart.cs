using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>
/// Hands CBC the greedy plan (jobs by priority, each on its cheapest pool that still fits: what the assembler builds
/// from no solution at all) as its first solution, so the search only looks for better plans and prunes with it from
/// the first node.
/// </summary>
internal static class GreedyStart
{
    /// <returns>One value per column: 1 for the greedy plan's assignments, 0 otherwise.</returns>
    public static double[] Columns(PlacementProblem problem, PlacementMip mip, AssembledPlan greedy)
    {
        var taken = greedy.Assignments.Select(a => (a.Job.Id, a.Candidate.Pool.Name)).ToHashSet();
        return mip.Columns.Select(c => taken.Contains((problem.Jobs[c.Job].Id, c.Candidate.Pool.Name)) ? 1.0 : 0.0).ToArray();
    }
}
