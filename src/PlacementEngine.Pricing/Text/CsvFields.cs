using System.Text;

namespace PlacementEngine.Pricing;

/// <summary>
/// Splits one CSV line into cells. Quoted cells ("a,b", with "" for a quote) are accepted because SkyPilot writes
/// catalogs with pandas, which quotes cells holding commas; a record never spans lines in these catalogs.
/// </summary>
internal static class CsvFields
{
    /// <returns>Null, or what is wrong with the line's quoting.</returns>
    public static string? Split(string line, List<string> cells)
    {
        cells.Clear();
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            cells.AddRange(line.Split(','));
            return null;
        }
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
            {
                var error = ReadQuoted(line, ref position, cells);
                if (error is not null)
                {
                    return error;
                }
            }
            else
            {
                var comma = line.IndexOf(',', position);
                var end = comma < 0 ? line.Length : comma;
                cells.Add(line[position..end]);
                position = end;
            }
            if (position >= line.Length)
            {
                return null;
            }
            position++; // the comma
        }
    }

    private static string? ReadQuoted(string line, ref int position, List<string> cells)
    {
        var cell = new StringBuilder();
        position++;
        while (true)
        {
            var quote = line.IndexOf('"', position);
            if (quote < 0)
            {
                return $"cell {cells.Count + 1} opens a quote that is never closed";
            }
            cell.Append(line, position, quote - position);
            position = quote + 1;
            if (position < line.Length && line[position] == '"')
            {
                cell.Append('"');
                position++;
                continue;
            }
            if (position < line.Length && line[position] != ',')
            {
                return $"cell {cells.Count + 1} has text after its closing quote";
            }
            cells.Add(cell.ToString());
            return null;
        }
    }
}
