using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Benchmarks;

/// <summary>A solver the benchmark knows by name, built for one run's options.</summary>
/// <param name="Create">The whole-queue solve.</param>
/// <param name="OnlyWhenNamed">Sizes on which the solver runs only when --solvers names it (the exact solver on L and XL).</param>
/// <param name="SingleJob">A dedicated one-job placer; without one, the whole-queue solve is given a one-job queue.</param>
/// <param name="SingleJobByDefault">Whether --single-job times the solver when --solvers does not name it.</param>
public sealed record SolverEntry(
    string Name,
    Func<BenchmarkOptions, Func<PlacementProblem, SolverOutcome>> Create,
    IReadOnlySet<ScenarioSize> OnlyWhenNamed,
    Func<BenchmarkOptions, ISingleJobPlacer>? SingleJob = null,
    bool SingleJobByDefault = true)
{
    public static IReadOnlySet<ScenarioSize> EverySize { get; } = new HashSet<ScenarioSize>();

    /// <summary>A solver that only returns a plan, run at every size.</summary>
    public static SolverEntry Plain(string name, Func<IPlacementSolver> create) =>
        new(name, _ => Wrap(create()), EverySize);

    public ISingleJobPlacer CreateSingleJob(BenchmarkOptions options) =>
        SingleJob?.Invoke(options) ?? new OneJobProblemPlacer(Create(options));

    private static Func<PlacementProblem, SolverOutcome> Wrap(IPlacementSolver solver) =>
        problem => new SolverOutcome(solver.Solve(problem), ProvenOptimal: null);
}
