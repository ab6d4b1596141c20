using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// SkyPilot catalog CSV, one cloud per file: each row gives an on-demand price (Price) and a spot price (SpotPrice) for
/// an instance type in a zone or region. The result is region-level (<see cref="ZoneCollapse"/>); for GCP, GPU rows are
/// added to their host VMs first (<see cref="GcpNodeCombiner"/>). The file replaces every price of its cloud.
/// </summary>
internal static class SkyPilotCsvParser
{
    private static readonly Cloud[] CatalogClouds = [Cloud.Aws, Cloud.Gcp, Cloud.Azure];

    public static ParsedImport Parse(
        Stream content,
        PriceImportRequest request,
        ProblemList problems,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var reader = new LineReader(content, progress, cancellationToken);
        string? headerLine;
        do
        {
            if (!reader.TryReadLine(out headerLine))
            {
                problems.Add(0, "the file is empty");
                return ParsedImport.Empty(reader.LineNumber);
            }
        }
        while (string.IsNullOrWhiteSpace(headerLine));

        var headerLineNumber = reader.LineNumber;
        if (ResolveCloud(request, headerLine, headerLineNumber, problems) is not { } cloud)
        {
            return ParsedImport.Empty(reader.LineNumber);
        }
        var names = new List<string>();
        if (CsvFields.Split(headerLine, names) is { } quoting)
        {
            problems.Add(headerLineNumber, $"header: {quoting}");
            return ParsedImport.Empty(reader.LineNumber);
        }
        if (SkyPilotHeader.Read(names, cloud, headerLineNumber, problems) is not { } header)
        {
            return ParsedImport.Empty(reader.LineNumber);
        }

        var skipped = new SkippedRows();
        var rows = new SkyPilotRowReader(header, cloud, request.Validation.Regions, problems, skipped);
        while (reader.TryReadLine(out var line))
        {
            rows.Read(line, reader.LineNumber);
        }
        var nodes = cloud == Cloud.Gcp ? GcpNodeCombiner.Combine(rows.Hosts, rows.Gpus, skipped) : rows.Hosts;
        var (prices, lines) = ZoneCollapse.ToRegions(cloud, nodes);
        var scope = new ImportScope(new TableScope(ReplaceMode.Cloud, cloud), TableScope.Keys, TableScope.Keys);
        return new ParsedImport(new PriceCatalogData(prices, [], []), new LineMap(lines, [], []), scope, reader.LineNumber, skipped.ToNotes());
    }

    /// <summary>The option first, then a known header layout, then a cloud named in the file name ("gcp_vms.csv").</summary>
    private static Cloud? ResolveCloud(PriceImportRequest request, string headerLine, int line, ProblemList problems)
    {
        var cloud = request.Cloud ?? SkyPilotHeader.CloudOfLayout(headerLine) ?? CloudOfFileName(request.FileName);
        if (cloud is null)
        {
            problems.Add(line, "cannot tell which cloud this SkyPilot catalog is for: the header is not a known layout and the file name "
                + "names no cloud; pass --cloud aws, gcp or azure");
        }
        else if (!CatalogClouds.Contains(cloud.Value))
        {
            problems.Add(0, $"SkyPilot catalogs are for aws, gcp or azure, not {cloud.Value.ToWire()}");
            return null;
        }
        return cloud;
    }

    private static Cloud? CloudOfFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }
        var named = Path.GetFileName(fileName)
            .Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(token => CloudNames.TryParse(token, out var cloud) && CatalogClouds.Contains(cloud) ? cloud : (Cloud?)null)
            .OfType<Cloud>()
            .Distinct()
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }
}
