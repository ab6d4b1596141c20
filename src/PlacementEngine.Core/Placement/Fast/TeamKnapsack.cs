namespace PlacementEngine.Core;

/// <summary>
/// Lets each team whose money runs out before its jobs do buy more of them with the same money. Plans built for nodes
/// let such a team pay for whatever pools its jobs reached first; a pending job's penalty is the same whatever it
/// costs, so every dollar saved may place another job. The team's jobs of one class and size swap pools so that the
/// longest run on the cheapest (the same nodes, less money); then, in a second try, they also swap seats with jobs of
/// other teams on cheaper pools. The money saved goes to the team's pending jobs, most penalty per node first, each on
/// its cheapest pool with room. A try is kept only when the objective falls.
/// </summary>
internal sealed partial class TeamKnapsack(PreparedProblem problem, PrimalHeuristic filler)
{
    private readonly int[][] _teamJobs = problem.TeamJobs;

    /// <summary>The better of <paramref name="solution"/> and its repairs; the solution itself is left as it was.</summary>
    public FastSolution Improve(FastSolution solution)
    {
        var best = solution;
        for (var t = 0; t < _teamJobs.Length; t++)
        {
            if (!IsShortOfMoney(problem, best, t))
            {
                continue;
            }
            foreach (var trade in (bool[])[false, true])
            {
                var trial = best.Clone();
                SortSeats(trial, t);
                if (trade)
                {
                    TradeSeats(trial, t);
                }
                AddPending(trial, t);
                filler.FillPending(trial);
                if (trial.Objective < best.Objective)
                {
                    best = trial;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Whether money keeps some pending job of the team out: it cannot pay for its cheapest eligible pool, or for any
    /// pool with room. The first holds on full fleets too, where no pool has room for anyone (L seed 5: its two teams
    /// out of money kept cheap jobs placed while dearer, more important ones waited, and were never repaired).
    /// </summary>
    public static bool IsShortOfMoney(PreparedProblem problem, FastSolution solution, int t)
    {
        foreach (var j in problem.TeamJobs[t])
        {
            if (solution.IsPlaced(j))
            {
                continue;
            }
            var job = problem.Jobs[j];
            if ((CheapestFit.Find(job, null, out var least) >= 0 && least > solution.Ledger.BudgetLeft[t])
                || (CheapestFit.Find(job, solution.Ledger, out _) < 0 && HasRoom(problem, solution, j)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasRoom(PreparedProblem problem, FastSolution solution, int j)
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

    /// <summary>
    /// The team's pending jobs, most penalty per node first, each on its cheapest pool with room while money lasts;
    /// when the money does not last, paid for by the team's placed jobs of less penalty (<see cref="Fund"/>); when no
    /// pool has room, on the seat of a job of less penalty (<see cref="TakeSeat"/>).
    /// </summary>
    private void AddPending(FastSolution solution, int t)
    {
        var pending = _teamJobs[t].Where(j => !solution.IsPlaced(j))
            .OrderByDescending(j => problem.PenaltyD[j] / problem.Jobs[j].Workers).ThenBy(j => j).ToList();
        SeatTakers? seats = null;
        foreach (var j in pending)
        {
            var pool = CheapestFit.Find(problem.Jobs[j], solution.Ledger, out var cost);
            if (pool >= 0)
            {
                solution.Place(j, pool, cost);
            }
            else if (!Fund(solution, t, j))
            {
                seats ??= new SeatTakers(solution, problem.Index.PoolCount);
                TakeSeat(solution, t, j, seats);
            }
        }
    }
}
