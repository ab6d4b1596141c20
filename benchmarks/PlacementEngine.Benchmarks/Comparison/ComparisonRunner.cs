using System.Diagnostics;
using PlacementEngine.Core;
using PlacementEngine.Scenarios;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Benchmarks;

/// <summary>
/// Runs each solver on one scenario, times Solve alone, audits every plan and derives the comparison rows. With a
/// warm-up problem, each solver solves it first, untimed, and the timed solve uses a solver made afresh, so nothing
/// but the runtime's compiled code carries over.
/// </summary>
public static class ComparisonRunner
{
    public static IReadOnlyList<SolverResult> Run(Scenario scenario, IReadOnlyList<SolverEntry> solvers, BenchmarkOptions options, Action<string> progress, PlacementProblem? warmup = null)
    {
        var problem = scenario.Problem;
        var objective = ScenarioObjective.For(problem);
        var results = new List<SolverResult>();
        foreach (var entry in solvers)
        {
            if (warmup is not null)
            {
                progress($"warming up {entry.Name} ...");
                entry.Create(options)(warmup);
            }
            progress($"running {entry.Name} ...");
            var solve = entry.Create(options);
            var started = Stopwatch.GetTimestamp();
            var outcome = solve(problem);
            var elapsed = Stopwatch.GetElapsedTime(started);
            results.Add(new SolverResult(entry.Name, outcome, elapsed, objective.Evaluate(outcome.Plan), PlanAudit.Violations(problem, outcome.Plan)));
        }
        return results;
    }

    public static IReadOnlyList<ComparisonRow> Rows(Scenario scenario, IReadOnlyList<SolverResult> results)
    {
        var bestBound = results.Select(r => r.Plan.LowerBound).Where(b => b is not null).Select(b => b!.Value.Dollars).DefaultIfEmpty().Max();
        var hasBound = results.Any(r => r.Plan.LowerBound is not null);
        var exact = results.FirstOrDefault(r => r.Solver == ExactSolver.SolverName);
        return results.Select(r => new ComparisonRow(
            scenario.Size.ToString(),
            scenario.Seed,
            scenario.Contended,
            r.Solver,
            scenario.Problem.Jobs.Count,
            scenario.Problem.Fleet.Pools.Count,
            r.Plan.Assignments.Count,
            r.Plan.TotalCost.Rounded().Dollars,
            r.Objective.Rounded().Dollars,
            r.Plan.LowerBound?.Rounded().Dollars,
            hasBound ? Gap(r.Objective.Dollars, bestBound, r.Objective.Dollars) : null,
            hasBound ? Gap(r.Objective.Dollars, bestBound, r.Plan.TotalCost.Dollars) : null,
            exact is null ? null : Gap(r.Objective.Dollars, exact.Objective.Dollars, exact.Objective.Dollars),
            exact?.Outcome.ProvenOptimal,
            r.Elapsed.TotalSeconds,
            r.Violations.Count)).ToList();
    }

    private static double? Gap(decimal value, decimal reference, decimal denominator) =>
        denominator == 0m ? (value == reference ? 0 : null) : (double)((value - reference) / denominator);
}
