using System.Diagnostics;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Benchmarks;

/// <summary>
/// The solver comparison: one scenario from the shared real data, every solver on it, one table or CSV on stdout.
/// Progress and the scenario's description go to stderr in CSV mode so the CSV stays clean.
/// </summary>
internal static class Program
{
    private const int Ok = 0;
    private const int UsageError = 2;

    private static int Main(string[] args)
    {
        var options = OptionParser.Parse(args, out var errors);
        if (options.Help)
        {
            Console.Out.WriteLine(OptionParser.Usage);
            return Ok;
        }
        var solvers = SolverRegistry.Select(options, out var unknown);
        errors = [.. errors, .. unknown.Select(n => $"--solvers: unknown solver '{n}' (known: {string.Join(", ", SolverRegistry.All.Select(e => e.Name))})")];
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }
            Console.Error.WriteLine(OptionParser.Usage);
            return UsageError;
        }

        var notes = options.Format == OutputFormat.Csv ? Console.Error : Console.Out;
        var generated = Stopwatch.GetTimestamp();
        var generator = new ScenarioGenerator(ScenarioData.Load(SharedDataDirectory.Locate(options.DataDirectory)));
        var scenario = generator.Generate(options.Size, options.Seed, options.Contended);
        notes.WriteLine(scenario.Description);
        notes.WriteLine($"data read and scenario generated in {Stopwatch.GetElapsedTime(generated).TotalSeconds:0.000} s");
        void Progress(string message) => Console.Error.WriteLine(message);

        if (options.SingleJob)
        {
            LatencyWriter.Write(Console.Out, SingleJobRunner.Run(scenario, solvers, options, Progress), options.Format);
            return Ok;
        }
        var warmup = options.Warmup ? generator.Generate(ScenarioSize.S, options.Seed, options.Contended).Problem : null;
        var results = ComparisonRunner.Run(scenario, solvers, options, Progress, warmup);
        ComparisonWriter.Write(Console.Out, ComparisonRunner.Rows(scenario, results), options.Format);
        PendingSummary.Write(notes, results);
        foreach (var result in results.Where(r => r.Violations.Count > 0))
        {
            Console.Error.WriteLine($"{result.Solver} broke {result.Violations.Count} rules, first: {result.Violations[0]}");
        }
        return Ok;
    }
}
