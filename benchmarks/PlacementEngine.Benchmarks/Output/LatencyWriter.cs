using System.Globalization;

namespace PlacementEngine.Benchmarks;

/// <summary>Writes single-job latency rows as a table or CSV.</summary>
public static class LatencyWriter
{
    private static readonly string[] TableHeaders = ["size", "seed", "solver", "pools", "samples", "placed", "prepare s", "median ms", "p99 ms", "mean ms", "max ms"];
    private static readonly string[] CsvHeaders = ["size", "seed", "solver", "pools", "samples", "placed", "prepare_seconds", "median_ms", "p99_ms", "mean_ms", "max_ms"];

    public static void Write(TextWriter output, IReadOnlyList<LatencyRow> rows, OutputFormat format)
    {
        var c = CultureInfo.InvariantCulture;
        var cells = rows.Select(r => new[]
        {
            r.Size, r.Seed.ToString(c), r.Solver, r.Pools.ToString(c), r.Samples.ToString(c), r.Placed.ToString(c),
            r.PrepareSeconds.ToString("0.000", c), r.MedianMilliseconds.ToString("0.000", c), r.P99Milliseconds.ToString("0.000", c),
            r.MeanMilliseconds.ToString("0.000", c), r.MaxMilliseconds.ToString("0.000", c),
        }).ToList();
        if (format == OutputFormat.Csv)
        {
            output.WriteLine(string.Join(",", CsvHeaders));
            cells.ForEach(row => output.WriteLine(string.Join(",", row)));
            return;
        }
        var widths = TableHeaders.Select((h, i) => cells.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IEnumerable<string> values) => string.Join("  ", values.Select((v, i) => i is 0 or 2 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Line(TableHeaders));
        output.WriteLine(Line(widths.Select(w => new string('-', w))));
        cells.ForEach(row => output.WriteLine(Line(row)));
    }
}
