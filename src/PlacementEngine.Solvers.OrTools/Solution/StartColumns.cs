using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>
/// A plan found by other means (the fast solver's) as column values, for the backend to start its search from (a hint) and
/// for the assembler to check in decimal. Assignments without a column in the model are left out.
/// </summary>
internal static class StartColumns
{
    /// <returns>One value per column: true for the plan's assignments.</returns>
    public static bool[] Of(PlacementProblem problem, PlacementModel model, IEnumerable<Assignment> assignments)
    {
        var taken = assignments.Select(a => (a.Job.Id, a.Candidate.Pool.Name)).ToHashSet();
        return model.Columns.Select(c => taken.Contains((problem.Jobs[c.Job].Id, c.Candidate.Pool.Name))).ToArray();
    }
}
