using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Reads placement-v1 (<see cref="PlacementV1Format"/>). The prices, egress and spot band tables each replace the
/// active book's table when present and leave it alone when absent, so a lone prices.csv imports on its own.
/// </summary>
internal static class PlacementV1Parser
{
    public static PlacementV1Content Parse(
        Stream content,
        RegionDirectory regions,
        ProblemList problems,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var reader = new LineReader(content, progress, cancellationToken);
        var rows = new PlacementV1Rows(regions, problems);
        var tables = new HashSet<PlacementV1Table>();
        var sawVersion = false;
        PlacementV1Table? table = null;
        var reportedMissingHeader = false;
        while (reader.TryReadLine(out var line))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (!sawVersion)
            {
                if (!CheckVersion(trimmed, reader.LineNumber, problems))
                {
                    return Result(rows, tables, reader.LineNumber);
                }
                sawVersion = true;
                continue;
            }
            if (trimmed.StartsWith('#'))
            {
                continue;
            }
            if (PlacementV1Format.TryGetTable(trimmed, out var header))
            {
                table = StartTable(header, tables, reader.LineNumber, problems);
                reportedMissingHeader = table is null;
                continue;
            }
            if (table is { } current)
            {
                rows.Read(current, line, reader.LineNumber);
            }
            else if (!reportedMissingHeader)
            {
                // Rows are meaningless without their header; one problem says so instead of one per row.
                problems.Add(reader.LineNumber, $"expected a table header, one of: {string.Join(" | ", PlacementV1Format.Headers)}");
                reportedMissingHeader = true;
            }
        }
        if (!sawVersion)
        {
            problems.Add(0, "the file is empty");
        }
        return Result(rows, tables, reader.LineNumber);
    }

    private static bool CheckVersion(string line, int lineNumber, ProblemList problems)
    {
        if (line.Equals(PlacementV1Format.VersionLine, StringComparison.Ordinal))
        {
            return true;
        }
        problems.Add(lineNumber, line.StartsWith(PlacementV1Format.VersionPrefix, StringComparison.Ordinal)
            ? $"unsupported version {CellText.Quote(line)}: this server reads '{PlacementV1Format.VersionLine}'"
            : $"the first line must be '{PlacementV1Format.VersionLine}'");
        return false;
    }

    private static PlacementV1Table? StartTable(PlacementV1Table header, HashSet<PlacementV1Table> tables, int lineNumber, ProblemList problems)
    {
        if (tables.Add(header))
        {
            return header;
        }
        problems.Add(lineNumber, $"a second {PlacementV1Format.Name(header)} table: each table may appear once in a file");
        return null;
    }

    private static PlacementV1Content Result(PlacementV1Rows rows, HashSet<PlacementV1Table> tables, long rowsRead)
    {
        TableScope ScopeOf(PlacementV1Table table) => tables.Contains(table) ? TableScope.All : TableScope.Keys;
        var data = new PriceCatalogData(rows.Prices, rows.Egress, rows.SpotBands);
        var lines = new LineMap(rows.PriceLines, rows.EgressLines, rows.SpotBandLines);
        var scope = new ImportScope(ScopeOf(PlacementV1Table.Prices), ScopeOf(PlacementV1Table.Egress), ScopeOf(PlacementV1Table.SpotBands));
        var notes = tables.Contains(PlacementV1Table.Regions)
            ? new[] { "the regions table is not imported: jurisdictions come from the server's region table" }
            : [];
        return new PlacementV1Content(new ParsedImport(data, lines, scope, rowsRead, notes), rows.Regions, tables);
    }
}
