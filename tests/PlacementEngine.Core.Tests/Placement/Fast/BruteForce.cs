using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>The optimum of a tiny problem by trying every assignment, with the slow path's candidates and the ledger's rules.</summary>
internal static class BruteForce
{
    public static Money Optimum(PlacementProblem problem, PlacementObjective objective)
    {
        var options = problem.Jobs.Select(j => problem.CandidatesFor(j).Where(c => c.Eligible).ToList()).ToList();
        var chosen = new Candidate?[problem.Jobs.Count];
        var best = decimal.MaxValue;
        Search(0);
        return Money.Of(best);

        void Search(int depth)
        {
            if (depth == problem.Jobs.Count)
            {
                if (Feasible(problem, chosen))
                {
                    var value = 0m;
                    for (var j = 0; j < chosen.Length; j++)
                    {
                        value += chosen[j]?.Cost!.Total.Dollars ?? objective.PendingPenalty(problem.Jobs[j]).Dollars;
                    }
                    best = Math.Min(best, value);
                }
                return;
            }
            chosen[depth] = null;
            Search(depth + 1);
            foreach (var candidate in options[depth])
            {
                chosen[depth] = candidate;
                Search(depth + 1);
            }
            chosen[depth] = null;
        }
    }

    /// <summary>Every chosen candidate passes the ledger with all the others taken before it.</summary>
    private static bool Feasible(PlacementProblem problem, Candidate?[] chosen)
    {
        var ledger = new CapacityLedger(problem);
        for (var j = 0; j < chosen.Length; j++)
        {
            if (chosen[j] is not { } candidate)
            {
                continue;
            }
            if (ledger.Check(problem.Jobs[j], candidate) is not null)
            {
                return false;
            }
            ledger.Take(problem.Jobs[j], candidate);
        }
        return true;
    }
}
