namespace PlacementEngine.Core;

/// <summary>
/// Re-chooses the jobs of each team whose money runs out before its jobs do: the team's jobs leave the plan and come
/// back one by one, each to its cheapest pool with room, while the money lasts. Plans built for nodes let such a team
/// spend on whatever pools its jobs reached first, often dear ones. Two orders are tried, because either resource may
/// be the scarce one: most penalty per node first (then the cheapest), and most penalty per dollar first. Nodes the
/// team leaves free go to pending jobs of any team. A repair is kept only when the objective falls.
/// </summary>
internal sealed class TeamKnapsack(PreparedProblem problem, PrimalHeuristic filler)
{
    private readonly int[][] _teamJobs = [.. Enumerable.Range(0, problem.LimitedTeams.Length)
        .Select(t => Enumerable.Range(0, problem.Jobs.Length).Where(j => problem.Jobs[j].Team == t).ToArray())];

    /// <summary>The better of <paramref name="solution"/> and its repairs; the solution itself is left as it was.</summary>
    public FastSolution Improve(FastSolution solution)
    {
        var best = solution;
        for (var t = 0; t < _teamJobs.Length; t++)
        {
            if (!IsShortOfMoney(best, t))
            {
                continue;
            }
            foreach (var byDollar in (bool[])[false, true])
            {
                var trial = best.Clone();
                Refill(trial, t, byDollar);
                filler.FillPending(trial);
                if (trial.Objective < best.Objective)
                {
                    best = trial;
                }
            }
        }
        return best;
    }

    /// <summary>Whether some pending job of the team has a pool with room that the team's remaining money cannot pay for.</summary>
    private bool IsShortOfMoney(FastSolution solution, int t)
    {
        foreach (var j in _teamJobs[t])
        {
            if (!solution.IsPlaced(j) && CheapestFit.Find(problem.Jobs[j], solution.Ledger, out _) < 0 && HasRoom(solution, j))
            {
                return true;
            }
        }
        return false;
    }

    private bool HasRoom(FastSolution solution, int j)
    {
        var job = problem.Jobs[j];
        for (var i = 0; i < job.CapEnd; i++)
        {
            var pool = job.Class.Eligible[i];
            if (solution.Ledger.FitsResources(job, pool) && !job.IsBlocked(pool))
            {
                return true;
            }
        }
        return false;
    }

    private void Refill(FastSolution solution, int t, bool byDollar)
    {
        var jobs = _teamJobs[t];
        foreach (var j in jobs)
        {
            if (solution.IsPlaced(j))
            {
                solution.Unplace(j);
            }
        }
        // Ranked once on the plan without the team: the cheapest pool with room then is the best each job can hope for.
        var least = new Dictionary<int, double>(jobs.Length);
        foreach (var j in jobs)
        {
            if (CheapestFit.Find(problem.Jobs[j], solution.Ledger, out var cost) >= 0)
            {
                least[j] = Math.Max((double)cost, double.Epsilon);
            }
        }
        var order = byDollar
            ? least.Keys.OrderByDescending(j => problem.PenaltyD[j] / least[j])
            : least.Keys.OrderByDescending(j => problem.PenaltyD[j] / problem.Jobs[j].Workers).ThenBy(j => least[j]);
        foreach (var j in order.ThenBy(j => j))
        {
            var pool = CheapestFit.Find(problem.Jobs[j], solution.Ledger, out var cost);
            if (pool >= 0)
            {
                solution.Place(j, pool, cost);
            }
        }
    }
}
