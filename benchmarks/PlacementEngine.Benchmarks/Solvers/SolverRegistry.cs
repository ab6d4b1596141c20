using PlacementEngine.Core;
using PlacementEngine.Scenarios;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Benchmarks;

/// <summary>Every solver the benchmark can run, by the name --solvers uses. Adding a solver is one entry.</summary>
public static class SolverRegistry
{
    public static IReadOnlyList<SolverEntry> All { get; } =
    [
        SolverEntry.Plain("greedy", () => new GreedySolver()),
        SolverEntry.Plain("skypilot", () => new SkyPilotLikeSolver()),
        SolverEntry.Plain("kueue", () => new KueueLikeSolver()),
        new SolverEntry("fast", options => SolveFast(new FastSolver(new FastSolverOptions { TargetGap = options.FastTargetGap, Progress = FastTrace.For(options) })), SolverEntry.EverySize, _ => new FastSingleJobPlacer()),
        // A MIP per arriving job is not how anyone would place one job: the exact solver is timed one job at a time only when named.
        new SolverEntry(ExactSolver.SolverName, CreateExact, new HashSet<ScenarioSize> { ScenarioSize.L, ScenarioSize.XL }, SingleJobByDefault: false),
    ];

    public static SolverEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The solvers named, in order; or, when none are named, every solver that runs by default at this size (or in --single-job mode).</summary>
    public static IReadOnlyList<SolverEntry> Select(BenchmarkOptions options, out IReadOnlyList<string> unknown)
    {
        if (options.Solvers is null)
        {
            unknown = [];
            return All.Where(e => options.SingleJob ? e.SingleJobByDefault : !e.OnlyWhenNamed.Contains(options.Size)).ToList();
        }
        unknown = options.Solvers.Where(n => Find(n) is null).ToList();
        return options.Solvers.Select(Find).OfType<SolverEntry>().ToList();
    }

    private static Func<PlacementProblem, SolverOutcome> SolveFast(FastSolver solver) => problem =>
    {
        var report = solver.SolveWithReport(problem);
        return new SolverOutcome(report.Plan, report.ProvenOptimal);
    };

    private static Func<PlacementProblem, SolverOutcome> CreateExact(BenchmarkOptions options)
    {
        var solver = new ExactSolver(new ExactSolverOptions { TimeLimit = TimeSpan.FromSeconds(options.ExactSeconds), Backend = options.ExactBackend });
        return problem =>
        {
            var result = solver.SolveDetailed(problem);
            return new SolverOutcome(result.Plan, result.ProvenOptimal);
        };
    }
}
