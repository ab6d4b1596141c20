using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>
/// Turns a solution's column values into a plan that holds in exact decimal arithmetic: the solution is re-checked
/// against a <see cref="CapacityLedger"/>, assignments taken most important first, and any that breaks a limit (a
/// budget met only after rounding, at a coarsened cost resolution) is dropped, so the least important offender goes.
/// Then every job still pending takes its cheapest pool that fits, if any: a no-op after an optimal solve, a real
/// improvement after a search cut short, and the greedy plan when there is no solution.
/// </summary>
internal static class PlanAssembler
{
    public static AssembledPlan Assemble(
        PlacementProblem problem,
        IReadOnlyList<IReadOnlyList<Candidate>> candidates,
        PlacementModel model,
        bool[]? solution)
    {
        var ledger = new CapacityLedger(problem);
        var chosen = new Candidate?[problem.Jobs.Count];
        var dropped = TakeSolution(problem, model, solution, ledger, chosen);
        var added = Complete(problem, candidates, ledger, chosen);

        var assignments = new List<Assignment>();
        var unplaced = new List<Unplaced>();
        for (var j = 0; j < problem.Jobs.Count; j++)
        {
            if (chosen[j] is { } candidate)
            {
                assignments.Add(new Assignment(problem.Jobs[j], candidate));
            }
            else
            {
                unplaced.Add(UnplacedReasons.For(problem.Jobs[j], candidates[j], ledger));
            }
        }
        return new AssembledPlan(assignments, unplaced, dropped + added);
    }

    /// <returns>How many of the solution's assignments were dropped.</returns>
    private static int TakeSolution(PlacementProblem problem, PlacementModel model, bool[]? solution, CapacityLedger ledger, Candidate?[] chosen)
    {
        if (solution is null)
        {
            return 0;
        }
        var dropped = 0;
        var picked = model.Columns.Where((_, i) => solution[i]);
        foreach (var column in picked.OrderBy(c => c.Job, ImportanceOrder(problem)))
        {
            var job = problem.Jobs[column.Job];
            if (chosen[column.Job] is null && ledger.Check(job, column.Candidate) is null)
            {
                ledger.Take(job, column.Candidate);
                chosen[column.Job] = column.Candidate;
            }
            else
            {
                dropped++;
            }
        }
        return dropped;
    }

    /// <returns>How many pending jobs were placed.</returns>
    private static int Complete(PlacementProblem problem, IReadOnlyList<IReadOnlyList<Candidate>> candidates, CapacityLedger ledger, Candidate?[] chosen)
    {
        var added = 0;
        var pending = Enumerable.Range(0, problem.Jobs.Count).Where(j => chosen[j] is null);
        foreach (var j in pending.OrderBy(j => j, ImportanceOrder(problem)))
        {
            var job = problem.Jobs[j];
            var fits = candidates[j].FirstOrDefault(c => c.Eligible && ledger.Check(job, c) is null);
            if (fits is not null)
            {
                ledger.Take(job, fits);
                chosen[j] = fits;
                added++;
            }
        }
        return added;
    }

    /// <summary>Job indices by priority, highest first, then arrival: the order in which the penalties fall.</summary>
    private static Comparer<int> ImportanceOrder(PlacementProblem problem) => Comparer<int>.Create((a, b) =>
    {
        var byPriority = problem.Jobs[b].Spec.Priority.CompareTo(problem.Jobs[a].Spec.Priority);
        return byPriority != 0 ? byPriority : a.CompareTo(b);
    });
}

/// <param name="Repaired">Assignments dropped from the solution plus pending jobs placed by completion.</param>
internal sealed record AssembledPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<Unplaced> Unplaced, int Repaired)
{
    public PlacementPlan ToPlan(string solver) => new(solver, Assignments, Unplaced, LowerBound: null);
}
