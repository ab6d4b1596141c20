using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Tests.Support;

/// <summary>The best objective and one plan reaching it.</summary>
internal sealed record BruteForceOptimum(Money Objective, IReadOnlyList<Assignment> Assignments);

/// <summary>
/// The oracle: tries every way of giving each job one of its eligible pools or none, keeps the assignments that
/// respect free nodes, GPU caps and budgets (plain decimal sums, no solver code), and returns the least objective.
/// Only for tiny instances; it refuses anything with more than <see cref="MaxLeaves"/> combinations.
/// </summary>
internal static class BruteForceSolver
{
    public const long MaxLeaves = 5_000_000;

    public static BruteForceOptimum Solve(PlacementProblem problem, PlacementObjective objective)
    {
        var options = problem.Jobs.Select(job => problem.CandidatesFor(job).Where(c => c.Eligible).ToList()).ToList();
        var leaves = options.Aggregate(1L, (product, o) => product * (o.Count + 1));
        if (leaves > MaxLeaves)
        {
            throw new ArgumentException($"{leaves} combinations is too many for brute force", nameof(problem));
        }
        var search = new Search(problem, objective, options);
        search.Visit(0, Money.Zero);
        return new BruteForceOptimum(search.Best, search.BestAssignments);
    }

    private sealed class Search(PlacementProblem problem, PlacementObjective objective, List<List<Candidate>> options)
    {
        private readonly Candidate?[] _current = new Candidate?[problem.Jobs.Count];

        public Money Best { get; private set; } = Money.Of(decimal.MaxValue / 2);

        public IReadOnlyList<Assignment> BestAssignments { get; private set; } = [];

        public void Visit(int j, Money sofar)
        {
            // Every later decision only adds cost or penalty, so a partial plan at or above the best cannot win.
            if (sofar >= Best)
            {
                return;
            }
            if (j == problem.Jobs.Count)
            {
                if (Feasible())
                {
                    Best = sofar;
                    BestAssignments = _current.Select((c, i) => (c, i)).Where(x => x.c is not null).Select(x => new Assignment(problem.Jobs[x.i], x.c!)).ToList();
                }
                return;
            }
            _current[j] = null;
            Visit(j + 1, sofar + objective.PendingPenalty(problem.Jobs[j]));
            foreach (var candidate in options[j])
            {
                _current[j] = candidate;
                Visit(j + 1, sofar + candidate.Cost!.Total);
            }
            _current[j] = null;
        }

        private bool Feasible()
        {
            var placed = _current.Select((c, i) => (Candidate: c, Job: problem.Jobs[i])).Where(x => x.Candidate is not null).ToList();
            var nodesOk = placed.GroupBy(x => x.Candidate!.Pool)
                .All(g => g.Sum(x => x.Candidate!.Cost!.Nodes) <= problem.FreeNodes(g.Key));
            var gpusOk = placed.Where(x => x.Candidate!.Pool.InstanceType.GpuModel is { } m && x.Candidate.Cluster.GpuCaps.ContainsKey(m))
                .GroupBy(x => (x.Candidate!.Cluster, Model: x.Candidate.Pool.InstanceType.GpuModel!))
                .All(g => g.Sum(x => x.Candidate!.Cost!.Nodes * x.Candidate.Pool.InstanceType.GpusPerNode)
                    + problem.GpusInUse.GetValueOrDefault((g.Key.Cluster.Name, g.Key.Model)) <= g.Key.Cluster.GpuCaps[g.Key.Model]);
            var budgetsOk = placed.Where(x => problem.RemainingBudgets.ContainsKey(x.Job.Spec.Team))
                .GroupBy(x => x.Job.Spec.Team)
                .All(g => g.Select(x => x.Candidate!.Cost!.Total.Dollars).Sum() <= problem.RemainingBudgets[g.Key].Dollars);
            return nodesOk && gpusOk && budgetsOk;
        }
    }
}
