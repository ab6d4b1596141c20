using System.IO.Pipelines;
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
    /// <param name="active">The active book's data (before overrides), or null when there is none.</param>
    public static ImportResult Import(
        Stream content,
        PriceImportRequest request,
        PriceCatalogData? active,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var input = content.CanSeek ? content : Buffered(content);
        return Import(input, FileHead.Read(input), request, active, progress, cancellationToken);
    }

    /// <summary>
    /// Imports a file while it arrives: each line is parsed as soon as its bytes are in <paramref name="content"/> and
    /// its text is let go, so an import holds the parsed rows and what the pipe buffers, never the whole file.
    /// Completes <paramref name="content"/> when done, so a writer still sending learns the import has stopped reading.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(
        PipeReader content,
        PriceImportRequest request,
        PriceCatalogData? active,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await FileHead.PeekAsync(content, cancellationToken).ConfigureAwait(false);
            // The parsers read lines synchronously: a thread of their own waits for the next bytes, not a pool thread.
            return await Task.Factory.StartNew(
                () =>
                {
                    using var stream = content.AsStream(leaveOpen: true);
                    return Import(stream, head, request, active, progress, cancellationToken);
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            await content.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <param name="input">Read once, front to back, from its first byte.</param>
    private static ImportResult Import(
        Stream input,
        FileHead head,
        PriceImportRequest request,
        PriceCatalogData? active,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var problems = new ProblemList();
        if (head.Text.Trim().TrimStart('\uFEFF').Length == 0 && head.IsWholeFile)
        {
            problems.Add(0, "the file is empty");
            return Rejected(request.Format, problems, ImportCounts.None, request.FileName ?? "", []);
        }
        if ((request.Format ?? PriceFormatDetector.Detect(request.FileName, head.Text)) is not { } format)
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
                progress?.Report(input.CanSeek ? new ImportProgress(linesRead, input.Length, input.Length) : new ImportProgress(linesRead, 0, null));
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

    private static MemoryStream Buffered(Stream content)
    {
        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
