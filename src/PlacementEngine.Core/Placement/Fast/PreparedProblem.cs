namespace PlacementEngine.Core;

/// <summary>
/// A <see cref="PlacementProblem"/> in the fast solver's terms: jobs as <see cref="JobFacts"/> with their penalties,
/// the budget-limited teams, and the ledger of an empty plan.
/// </summary>
internal sealed class PreparedProblem
{
    private PreparedProblem(PlacementProblem problem, FleetIndex index)
    {
        if (!index.Serves(problem))
        {
            throw new ArgumentException("the index was built for another fleet or price book", nameof(index));
        }
        Problem = problem;
        Index = index;
        LimitedTeams = [.. problem.Jobs.Select(j => j.Spec.Team).Distinct(StringComparer.Ordinal)
            .Where(problem.RemainingBudgets.ContainsKey).Order(StringComparer.Ordinal)];
        var teamIndex = Enumerable.Range(0, LimitedTeams.Length).ToDictionary(i => LimitedTeams[i], StringComparer.Ordinal);
        var catalog = new ClassCatalog(index);
        var egress = new Dictionary<RegionId, decimal[]>();
        Jobs = [.. problem.Jobs.Select(job => new JobFacts(
            job,
            catalog.For(job.Spec),
            index,
            EgressRates(job.Spec, index, egress),
            teamIndex.TryGetValue(job.Spec.Team, out var t) ? t : -1))];
        ClassCount = catalog.Count;
        Empty = JointLedger.Initial(problem, index, LimitedTeams);
        CapNodeLimit = CapNodeLimits(index, Empty);

        Objective = PlacementObjective.For(DearestCandidate.Of(Jobs, index) is { } dearest ? [Money.Of(dearest)] : []);
        Penalty = [.. problem.Jobs.Select(j => Objective.PendingPenalty(j).Dollars)];
        TeamJobs = [.. Enumerable.Range(0, LimitedTeams.Length).Select(t => Enumerable.Range(0, Jobs.Length).Where(j => Jobs[j].Team == t).ToArray())];
        PenaltyD = [.. Penalty.Select(p => (double)p)];
    }

    public static PreparedProblem Prepare(PlacementProblem problem, FleetIndex index) => new(problem, index);

    public PlacementProblem Problem { get; }

    public FleetIndex Index { get; }

    public JobFacts[] Jobs { get; }

    public int ClassCount { get; }

    /// <summary>Teams with a remaining budget, by <see cref="JobFacts.Team"/>.</summary>
    public string[] LimitedTeams { get; }

    /// <summary>The ledger before anything is placed: what the problem leaves free.</summary>
    public JointLedger Empty { get; }

    /// <summary>
    /// Per capped (cluster, model), the most nodes any plan can add there: its free nodes taken smallest GPU count
    /// first until the GPUs left run out. Implied by the caps and the free nodes, so pricing it keeps bounds valid.
    /// </summary>
    public int[] CapNodeLimit { get; }

    public PlacementObjective Objective { get; }

    /// <summary>Per budget-limited team, its jobs' indices in ascending order.</summary>
    public int[][] TeamJobs { get; }

    public decimal[] Penalty { get; }

    public double[] PenaltyD { get; }

    private static int[] CapNodeLimits(FleetIndex index, JointLedger empty)
    {
        var limits = new int[index.CapKeys.Length];
        for (var k = 0; k < limits.Length; k++)
        {
            var gpusLeft = Math.Max(0, empty.GpusLeft[k]);
            foreach (var p in index.PoolsOfCap[k].OrderBy(p => index.GpusOf[p]))
            {
                var take = Math.Min(Math.Max(0, empty.FreeNodes[p]), gpusLeft / Math.Max(1, index.GpusOf[p]));
                limits[k] += take;
                gpusLeft -= take * index.GpusOf[p];
            }
        }
        return limits;
    }

    private static decimal[]? EgressRates(JobSpec spec, FleetIndex index, Dictionary<RegionId, decimal[]> known)
    {
        if (spec.Data is not { GbRead: > 0m } data)
        {
            return null;
        }
        if (!known.TryGetValue(data.Region, out var rates))
        {
            rates = [.. index.Regions.Select(r => index.Prices.EgressPerGb(data.Region, r).Dollars)];
            known.Add(data.Region, rates);
        }
        return rates;
    }
}
