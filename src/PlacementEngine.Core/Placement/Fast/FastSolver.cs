namespace PlacementEngine.Core;

/// <summary>
/// The project's own placement algorithm for large batches: Lagrangian relaxation of the coupling constraints (free
/// nodes per pool, GPU caps, team budgets), with prices found by subgradient steps and then coordinate ascent, plans
/// built from the prices (kept when best so far, then improved locally), and a proven lower bound in every plan
/// (<see cref="PlacementPlan.LowerBound"/>), so its gap is always known. Candidates come from requirement classes over
/// a <see cref="FleetIndex"/>, never from evaluating every (job, pool) pair. Problems of a few jobs are solved exactly
/// by branch and bound. The objective is <see cref="ProblemObjective"/>'s, as for every solver. Time is bounded by
/// the caller through <see cref="FastSolverOptions.ShouldStop"/>; the core has no clock.
/// </summary>
public sealed class FastSolver : IPlacementSolver
{
    private readonly FastSolverOptions _options;
    private FleetIndex? _lastIndex;

    public FastSolver(FastSolverOptions? options = null)
    {
        _options = options ?? FastSolverOptions.Default;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid fast solver options: {string.Join("; ", errors)}", nameof(options));
        }
    }

    public string Name => "fast";

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default) =>
        SolveWithReport(problem, IndexFor(problem), cancellationToken).Plan;

    public FastSolveReport SolveWithReport(PlacementProblem problem, CancellationToken cancellationToken = default) =>
        SolveWithReport(problem, IndexFor(problem), cancellationToken);

    /// <summary>Solves on an index built beforehand for the problem's fleet and price book.</summary>
    public FastSolveReport SolveWithReport(PlacementProblem problem, FleetIndex index, CancellationToken cancellationToken = default)
    {
        var prepared = PreparedProblem.Prepare(problem, index);
        var outcome = new FastSearch(prepared, _options, cancellationToken).Run();
        var bound = Money.Of(outcome.LowerBound);
        var plan = PlanAssembler.Assemble(Name, prepared, outcome.Best, bound);
        return new FastSolveReport(plan, prepared.Objective, Money.Of(outcome.Best.Objective), bound, outcome.Iterations,
            prepared.ClassCount, outcome.ListedCandidates, outcome.ColumnsAdded, outcome.ProvenOptimal);
    }

    // A scheduling cycle solves on the same fleet and price book again and again: keep the last index while it serves.
    private FleetIndex IndexFor(PlacementProblem problem)
    {
        var last = Volatile.Read(ref _lastIndex);
        if (last is not null && last.Serves(problem))
        {
            return last;
        }
        var index = FleetIndex.Build(problem.Fleet, problem.Prices);
        Volatile.Write(ref _lastIndex, index);
        return index;
    }
}
