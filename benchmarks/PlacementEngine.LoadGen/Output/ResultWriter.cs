using System.Globalization;
using PlacementEngine.LoadGen.Load;
using PlacementEngine.LoadGen.Options;

namespace PlacementEngine.LoadGen.Output;

/// <summary>Runs as a table for people or CSV for scripts; figures as numbers with '.' whatever the machine's culture.</summary>
internal sealed class ResultWriter(TextWriter output, OutputFormat format)
{
    public static readonly string[] Columns =
        ["run", "requests", "ok", "errors", "seconds", "throughput_per_s", "min_ms", "p50_ms", "p90_ms", "p99_ms", "p99_9_ms", "max_ms"];

    private static readonly string[] Headings =
        ["run", "requests", "ok", "errors", "seconds", "req/s", "min ms", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"];

    public void Write(IReadOnlyList<RunResult> runs)
    {
        if (format == OutputFormat.Csv)
        {
            output.WriteLine(string.Join(',', Columns));
            foreach (var run in runs)
            {
                output.WriteLine(string.Join(',', Cells(run).Select(Csv)));
            }
            return;
        }
        // A table shows "-" for no errors, where CSV leaves the field empty.
        var rows = runs.Select(Cells).Select(r => r.Select((cell, c) => c == 3 && cell.Length == 0 ? "-" : cell).ToArray()).Prepend(Headings).ToList();
        var widths = Enumerable.Range(0, Headings.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            // Names and error lists read left-aligned, numbers right-aligned.
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c is 0 or 3 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }

    /// <summary>A figure below the runs: a "# name: value" line in CSV (skipped by readers told '#' starts a comment), "name: value" in a table.</summary>
    public void Note(string name, string value) => output.WriteLine(format == OutputFormat.Csv ? $"# {name}: {value}" : $"{name}: {value}");

    public static string[] Cells(RunResult run) =>
    [
        run.Name,
        Whole(run.Requests),
        Whole(run.Ok),
        run.ErrorText,
        Number(run.Elapsed.TotalSeconds, "0.00"),
        Number(run.Throughput, "0"),
        Number(run.Latency.MinMs, "0.00"),
        Number(run.Latency.P50Ms, "0.00"),
        Number(run.Latency.P90Ms, "0.00"),
        Number(run.Latency.P99Ms, "0.00"),
        Number(run.Latency.P999Ms, "0.00"),
        Number(run.Latency.MaxMs, "0.00"),
    ];

    public static string Csv(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, string pattern) => value.ToString(pattern, CultureInfo.InvariantCulture);
}
