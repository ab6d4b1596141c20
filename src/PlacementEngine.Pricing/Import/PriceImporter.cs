using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Imports a price file: tells its format, parses it, validates it against the active book, and, when nothing is
/// wrong, gives the complete data for the next price book version. Nothing is written anywhere: a rejected file
/// leaves the caller with the active book exactly as it was. Every problem with the file is reported with its line;
/// an exception escapes only for cancellation.
/// </summary>
public static class PriceImporter
{
    private const int HeadBytes = 8192;

    /// <param name="active">The active book's data (before overrides), or null when there is none.</param>
    public static ImportResult Import(
        Stream content,
        PriceImportRequest request,
        PriceCatalogData? active,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var input = content.CanSeek ? content : Buffered(content);
        var problems = new ProblemList();
        var head = ReadHead(input);
        if (head.Trim().TrimStart('\uFEFF').Length == 0 && input.Length <= HeadBytes)
        {
            problems.Add(0, "the file is empty");
            return Rejected(request.Format, problems, ImportCounts.None, request.FileName ?? "", []);
        }
        if ((request.Format ?? PriceFormatDetector.Detect(request.FileName, head)) is not { } format)
        {
            problems.Add(1, $"cannot tell the format of this file; pass --format {string.Join("|", PriceImportFormatNames.All)}");
            return Rejected(null, problems, ImportCounts.None, request.FileName ?? "", []);
        }

        var parsed = Parse(format, input, request, active, problems, progress, cancellationToken);
        // A file that failed before its rows (a bad header) has no entries; "no prices" would only repeat that.
        if (!problems.Any || parsed.Data.Prices.Count + parsed.Data.Egress.Count + parsed.Data.SpotBands.Count > 0)
        {
            var activeBook = active is null ? null : BookOf(active);
            problems.AddRange(PriceImportValidator.Validate(parsed.Data, parsed.Lines, activeBook, request.Validation));
        }
        var counts = new ImportCounts(parsed.RowsRead, parsed.Data.Prices.Count, parsed.Data.Egress.Count, parsed.Data.SpotBands.Count);
        var source = Describe(format, parsed.Scope, request.FileName);
        if (problems.Any)
        {
            return Rejected(format, problems, counts, source, parsed.Notes);
        }
        var data = CatalogMerge.Apply(active, parsed.Data, parsed.Scope);
        var replaces = ImportScopeText.Describe(parsed.Scope);
        if (!request.Validation.AllowRemovals && RemovalCheck.Problem(active, data, replaces) is { } removal)
        {
            problems.Add(0, removal);
        }
        if (!request.Validation.AllowUnpricedPools && UnpricedPoolCheck.Problem(active, data, request.Validation.PoolKeys) is { } unpriced)
        {
            problems.Add(0, unpriced);
        }
        if (problems.Any)
        {
            return Rejected(format, problems, counts, source, parsed.Notes) with { Replaces = replaces };
        }
        return new ImportResult(format, data, [], 0, counts, source, parsed.Notes) { Replaces = replaces };
    }

    private static ParsedImport Parse(
        PriceImportFormat format,
        Stream input,
        PriceImportRequest request,
        PriceCatalogData? active,
        ProblemList problems,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        switch (format)
        {
            case PriceImportFormat.SkyPilotCsv:
                return SkyPilotCsvParser.Parse(input, request, problems, progress, cancellationToken);
            case PriceImportFormat.PlacementV1:
                return PlacementV1Parser.Parse(input, request.Validation.Regions, problems, progress, cancellationToken).Import;
            default:
                var document = ConfigMapParser.Parse(input, request, problems, out var linesRead);
                progress?.Report(new ImportProgress(linesRead, input.Length, input.Length));
                return document is null
                    ? ParsedImport.Empty(linesRead)
                    : ConfigMapExpansion.Expand(document, request, active, problems, linesRead);
        }
    }

    private static ImportResult Rejected(
        PriceImportFormat? format,
        ProblemList problems,
        ImportCounts counts,
        string source,
        IReadOnlyList<string> notes) =>
        new(format, null, problems.FirstInLineOrder(ImportResult.MaxReportedProblems), problems.Count, counts, source, notes);

    // The last entry for a key wins, as in a book built from the same data; the store never holds duplicates anyway.
    private static PriceBook BookOf(PriceCatalogData active)
    {
        var hourly = new Dictionary<PriceKey, Money>(active.Prices.Count);
        foreach (var price in active.Prices)
        {
            hourly[price.Key] = price.Hourly;
        }
        return new PriceBook(0, hourly);
    }

    private static string Describe(PriceImportFormat format, ImportScope scope, string? fileName)
    {
        var parts = new List<string> { "import", format.ToWire() };
        if (scope.Prices.Mode == ReplaceMode.Cloud && scope.Prices.Cloud is { } cloud)
        {
            parts.Add(cloud.ToWire());
        }
        if (!string.IsNullOrEmpty(fileName))
        {
            parts.Add(Path.GetFileName(fileName));
        }
        return string.Join(' ', parts);
    }

    private static string ReadHead(Stream input)
    {
        var start = input.Position;
        var buffer = new byte[HeadBytes];
        var read = input.ReadAtLeast(buffer, HeadBytes, throwOnEndOfStream: false);
        input.Position = start;
        return new UTF8Encoding(false, false).GetString(buffer, 0, read);
    }

    private static MemoryStream Buffered(Stream content)
    {
        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
