using System.Diagnostics;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Benchmarks;

/// <summary>
/// Times placing one job at a time against a scenario's fleet: each sample is a job of the scenario placed alone on
/// the snapshot (capacity as the scenario leaves it), so samples are independent. An untimed pass over the same jobs
/// first lets the JIT finish compiling (tiered compilation recompiles hot methods after their first calls), so the
/// timed pass measures the steady state the scheduler runs in.
/// </summary>
public static class SingleJobRunner
{
    public static IReadOnlyList<LatencyRow> Run(Scenario scenario, IReadOnlyList<SolverEntry> solvers, BenchmarkOptions options, Action<string> progress)
    {
        var problem = scenario.Problem;
        var jobs = Enumerable.Range(0, options.Samples).Select(i => problem.Jobs[i % problem.Jobs.Count]).ToList();
        var rows = new List<LatencyRow>();
        foreach (var entry in solvers)
        {
            progress($"timing {entry.Name} one job at a time ...");
            var placer = entry.CreateSingleJob(options);
            var prepareStarted = Stopwatch.GetTimestamp();
            placer.Prepare(problem);
            var prepareSeconds = Stopwatch.GetElapsedTime(prepareStarted).TotalSeconds;
            foreach (var job in jobs)
            {
                placer.Place(job);
            }
            var milliseconds = new List<double>(jobs.Count);
            var placed = 0;
            foreach (var job in jobs)
            {
                var started = Stopwatch.GetTimestamp();
                var assignment = placer.Place(job);
                milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                placed += assignment is null ? 0 : 1;
            }
            rows.Add(LatencyRow.From(scenario.Size.ToString(), scenario.Seed, entry.Name, problem.Fleet.Pools.Count, placed, prepareSeconds, milliseconds));
        }
        return rows;
    }
}
