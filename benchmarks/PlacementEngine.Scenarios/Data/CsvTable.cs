using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// The shared CSV files are unquoted: cells are split on commas and read by the header's column names. Azure's last
/// column ("Generation") can itself hold a comma ("V1,V2"), so only leading columns are ever read by position.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, Dictionary<string, int> columns, IReadOnlyList<string[]> rows)
    {
        Path = path;
        _columns = columns;
        Rows = rows;
    }

    public string Path { get; }

    /// <summary>Data rows (header excluded, blank lines dropped), in file order.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty");
        var columns = header.Split(',')
            .Select((name, index) => (name: name.Trim(), index))
            .ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }
        return new CsvTable(path, columns, rows);
    }

    public int Column(string name) =>
        _columns.TryGetValue(name, out var index) ? index : throw new InvalidDataException($"{Path} has no column '{name}'");

    /// <summary>A cell, or "" when the row is short.</summary>
    public static string Cell(string[] row, int column) => column < row.Length ? row[column].Trim() : "";

    /// <summary>A decimal written in the invariant culture; null when the cell is blank.</summary>
    public static decimal? Decimal(string[] row, int column)
    {
        var text = Cell(row, column);
        return text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A price in dollars, or null when the catalog publishes none. A blank cell and a zero both mean "not offered":
    /// no cloud gives GPU nodes away, and the GCP file carries 0.0 for machine types without a list price (a4-highgpu-8g).
    /// </summary>
    public static Money? Price(string[] row, int column) => Decimal(row, column) is { } price && price > 0m ? Money.Of(price) : null;
}
