using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>
/// The exact solver: the whole pending queue placed jointly by a 0-1 program (see <see cref="PlacementModelBuilder"/>)
/// that Google OR-Tools solves within a time limit (CBC by default, see <see cref="ExactBackend"/>), in whole millionths of a dollar (see <see cref="CostScale"/>),
/// starting from the fast solver's plan. It minimises the shared <see cref="PlacementObjective"/>, returns the exact
/// candidates and decimal costs, and reports whether the plan is a proven optimum and its gap otherwise. Stateless and
/// safe to share: each solve builds its own model.
/// </summary>
public sealed class ExactSolver : IPlacementSolver
{
    public const string SolverName = "exact";

    private readonly ExactSolverOptions _options;
    private readonly TimeProvider _time;
    private readonly FastSolver _fast = new();

    public ExactSolver(ExactSolverOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new ExactSolverOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid exact solver options: {string.Join("; ", errors)}", nameof(options));
        }
        _time = time ?? TimeProvider.System;
    }

    public string Name => SolverName;

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default) =>
        SolveDetailed(problem, cancellationToken).Plan;

    public ExactResult SolveDetailed(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();

        // 1. Every job's candidates and the objective all solvers share.
        var candidates = problem.Jobs.Select(problem.CandidatesFor).ToList();
        var objective = ProblemObjective.For(problem);

        // 2. The 0-1 program, in whole units of the cost resolution.
        var model = PlacementModelBuilder.Build(problem, candidates, objective);
        var scale = CostScale.For(model);
        cancellationToken.ThrowIfCancellationRequested();

        // 3. The fast plan, checked like any solution: the backend's hint, and the fallback should it return anything worse.
        //    Its lower bound is proven too: the result reports the better of it and the backend's.
        var fast = _fast.SolveWithReport(problem, cancellationToken);
        var start = PlanAssembler.Assemble(problem, candidates, model, StartColumns.Of(problem, model, fast.Plan.Assignments));
        var hint = StartColumns.Of(problem, model, start.Assignments);

        // 4. Solve.
        var run = model.Columns.Count == 0 ? BackendRun.Empty : _options.Backend switch
        {
            ExactBackend.CpSat => CpSatRunner.Solve(model, scale, hint, _options, cancellationToken),
            _ => MipRunner.Solve(model, scale, hint, _options, cancellationToken),
        };
        cancellationToken.ThrowIfCancellationRequested();

        // 5. A plan that holds in exact decimal arithmetic, with a reason for every job left pending.
        var assembled = PlanAssembler.Assemble(problem, candidates, model, run.Solution);
        if (objective.Evaluate(start.ToPlan(Name)) < objective.Evaluate(assembled.ToPlan(Name)))
        {
            assembled = start;
        }
        var plan = assembled.ToPlan(Name);

        // 6. How good it is.
        var value = objective.Evaluate(plan);
        var fromSolver = run.Bound is { } units ? scale.Dollars(units) - scale.BoundSlack(problem.Jobs.Count) : (Money?)null;
        var proven = fromSolver is { } solverBound ? Money.Max(solverBound, fast.LowerBound) : fast.LowerBound;
        var bound = ObjectiveBounds.Combine(proven, ObjectiveBounds.Relaxation(problem, model, objective), value);
        return new ExactResult(
            plan with { LowerBound = bound },
            run.Status,
            value,
            bound,
            ObjectiveBounds.RelativeGap(value, bound),
            _time.GetElapsedTime(started),
            new ModelSize(model.Columns.Count, model.Rows.Count),
            assembled.Repaired);
    }
}
