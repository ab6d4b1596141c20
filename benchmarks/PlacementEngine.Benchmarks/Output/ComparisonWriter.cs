namespace PlacementEngine.Benchmarks;

/// <summary>Writes comparison rows as an aligned text table or as CSV with a header line.</summary>
public static class ComparisonWriter
{
    /// <param name="header">Whether to start with the CSV header: a sweep writes it before its first seed only.</param>
    public static void Write(TextWriter output, IReadOnlyList<ComparisonRow> rows, OutputFormat format, bool header = true)
    {
        var columns = ComparisonColumns.All;
        if (format == OutputFormat.Csv)
        {
            if (header)
            {
                output.WriteLine(string.Join(",", columns.Select(c => c.CsvHeader)));
            }
            foreach (var row in rows)
            {
                output.WriteLine(string.Join(",", columns.Select(c => c.Csv(row))));
            }
            return;
        }
        var cells = rows.Select(row => (IReadOnlyList<string>)columns.Select(c => c.Table(row)).ToArray()).ToList();
        TextTable.Write(output, columns.Select(c => c.TableHeader).ToList(), columns.Select(c => c.Numeric).ToList(), cells);
    }
}
