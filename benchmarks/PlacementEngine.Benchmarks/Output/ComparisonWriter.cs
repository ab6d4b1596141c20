namespace PlacementEngine.Benchmarks;

/// <summary>Writes comparison rows as an aligned text table or as CSV with a header line.</summary>
public static class ComparisonWriter
{
    public static void Write(TextWriter output, IReadOnlyList<ComparisonRow> rows, OutputFormat format)
    {
        var columns = ComparisonColumns.All;
        if (format == OutputFormat.Csv)
        {
            output.WriteLine(string.Join(",", columns.Select(c => c.CsvHeader)));
            foreach (var row in rows)
            {
                output.WriteLine(string.Join(",", columns.Select(c => c.Csv(row))));
            }
            return;
        }
        var cells = rows.Select(row => columns.Select(c => c.Table(row)).ToArray()).ToList();
        var widths = columns.Select((c, i) => cells.Select(r => r[i].Length).Append(c.TableHeader.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> values) =>
            string.Join("  ", values.Select((v, i) => columns[i].Numeric ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(columns.Select(c => c.TableHeader).ToList()));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row));
        }
    }
}
