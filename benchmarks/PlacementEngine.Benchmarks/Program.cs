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
        notes.WriteLine($"data read in {Stopwatch.GetElapsedTime(generated).TotalSeconds:0.000} s");
        void Progress(string message) => Console.Error.WriteLine(message);

        if (options.SingleJob)
        {
            var one = generator.Generate(options.Size, options.Seeds[0], options.Contended);
            notes.WriteLine(one.Description);
            LatencyWriter.Write(Console.Out, SingleJobRunner.Run(one, solvers, options, Progress), options.Format);
            return Ok;
        }
        var rows = new List<ComparisonRow>();
        foreach (var seed in options.Seeds)
        {
            var scenario = generator.Generate(options.Size, seed, options.Contended);
            notes.WriteLine(scenario.Description);
            // Warming up once is enough: after the first seed the solvers' code is compiled.
            var warmup = options.Warmup && rows.Count == 0 ? generator.Generate(ScenarioSize.S, seed, options.Contended).Problem : null;
            var results = ComparisonRunner.Run(scenario, solvers, options, Progress, warmup);
            var seedRows = ComparisonRunner.Rows(scenario, results);
            if (options.Format == OutputFormat.Csv)
            {
                // Rows go out seed by seed, so a long sweep can be followed and what ran survives an interruption.
                ComparisonWriter.Write(Console.Out, seedRows, options.Format, header: rows.Count == 0);
                Console.Out.Flush();
            }
            rows.AddRange(seedRows);
            PendingSummary.Write(notes, results);
            foreach (var result in results.Where(r => r.Violations.Count > 0))
            {
                Console.Error.WriteLine($"{result.Solver} broke {result.Violations.Count} rules on seed {seed}, first: {result.Violations[0]}");
            }
        }
        if (options.Format == OutputFormat.Table)
        {
            ComparisonWriter.Write(Console.Out, rows, options.Format);
        }
        if (options.Seeds.Count > 1)
        {
            SweepSummary.Write(Console.Out, SweepSummary.Of(rows), options.Format);
        }
        return Ok;
    }
}
