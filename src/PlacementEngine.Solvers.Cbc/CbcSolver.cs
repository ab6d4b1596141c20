using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>
/// The exact solver: the whole pending queue placed jointly by a 0-1 program that COIN-OR CBC solves within a time
/// limit (see <see cref="PlacementMipBuilder"/>). It minimises the shared <see cref="PlacementObjective"/>, returns
/// the exact candidates and decimal costs, and reports whether the plan is a proven optimum and its gap otherwise.
/// Stateless and safe to share: each solve creates and frees its own CBC model, and CBC itself runs one solve at a
/// time per process (see <see cref="CbcRunner"/>).
/// </summary>
public sealed class CbcSolver : IPlacementSolver
{
    public const string SolverName = "cbc";

    private readonly CbcSolverOptions _options;
    private readonly TimeProvider _time;

    public CbcSolver(CbcSolverOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new CbcSolverOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid CBC solver options: {string.Join("; ", errors)}", nameof(options));
        }
        _time = time ?? TimeProvider.System;
    }

    public string Name => SolverName;

    /// <summary>Whether CBC's native library loads here, so a host can fall back to another solver instead of failing.</summary>
    public static bool IsAvailable => CbcLibrary.IsAvailable;

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default) =>
        SolveDetailed(problem, cancellationToken).Plan;

    /// <exception cref="CbcUnavailableException">CBC's native library is not installed.</exception>
    public CbcResult SolveDetailed(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        CbcLibrary.EnsureAvailable();
        var started = _time.GetTimestamp();

        // 1. Every job's candidates and the objective all solvers share.
        var candidates = problem.Jobs.Select(problem.CandidatesFor).ToList();
        var objective = ProblemObjective.For(problem);

        // 2. The 0-1 program.
        var mip = PlacementMipBuilder.Build(problem, candidates, objective);
        cancellationToken.ThrowIfCancellationRequested();

        // 3. The greedy plan, as CBC's first solution and as the fallback should CBC return anything worse.
        var greedy = PlanAssembler.Assemble(problem, candidates, mip, solution: null);

        // 4. Solve. CBC cannot be interrupted through its C interface; the time limit bounds the wait instead.
        var run = mip.Columns.Count == 0 ? CbcRun.Empty : CbcRunner.Solve(mip, GreedyStart.Columns(problem, mip, greedy), _options);
        cancellationToken.ThrowIfCancellationRequested();

        // 5. A plan that holds in exact decimal arithmetic, with a reason for every job left pending.
        var assembled = PlanAssembler.Assemble(problem, candidates, mip, run.Solution);
        if (objective.Evaluate(greedy.ToPlan(Name)) < objective.Evaluate(assembled.ToPlan(Name)))
        {
            assembled = greedy;
        }
        var plan = assembled.ToPlan(Name);

        // 6. How good it is.
        var value = objective.Evaluate(plan);
        var bound = ObjectiveBounds.Combine(ObjectiveBounds.FromCbc(run.BestPossible), ObjectiveBounds.Relaxation(problem, mip, objective), value);
        return new CbcResult(
            plan with { LowerBound = bound },
            run.Status,
            value,
            bound,
            ObjectiveBounds.RelativeGap(value, bound),
            _time.GetElapsedTime(started),
            new CbcModelSize(mip.Columns.Count, mip.Rows.Count),
            assembled.Repaired);
    }
}
