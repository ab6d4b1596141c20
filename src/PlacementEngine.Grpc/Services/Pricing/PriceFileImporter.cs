using System.Threading.Channels;
using Grpc.Core;
using PlacementEngine.Pricing;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// Turns a received file into a price book version: parses and validates it against the active version's imported
/// prices (the 20x rule compares like with like: an override such as a negotiated price carries over to the new
/// version, so it must not make a list price look like a typo), then stores it through <see cref="PriceBookService"/>.
/// A file with any problem stores nothing. Imports run one at a time, so each is checked against, and merged into,
/// the version the previous one left active.
/// </summary>
internal sealed class PriceFileImporter(PriceBookService books) : IDisposable
{
    public const string ParsingPhase = "parsing";
    public const string StoringPhase = "storing";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="report">Receives progress while the file is parsed, then once before it is stored.</param>
    /// <returns>The stored version, or the file's problems when it was rejected (and nothing was stored).</returns>
    public async Task<PriceFileVerdict> ImportAsync(PriceFileImport import, Func<V1.ImportProgress, Task> report, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var active = await books.LoadActiveAsync(cancellationToken).ConfigureAwait(false);
            var result = await ParseAsync(import, active?.Data, report, cancellationToken).ConfigureAwait(false);
            if (result.Data is not { } data)
            {
                return new PriceFileVerdict(null, result);
            }
            if (import.DryRun)
            {
                return new PriceFileVerdict(DryRunOutcome(result, active, data), null);
            }
            await report(new V1.ImportProgress
            {
                Phase = StoringPhase,
                RowsRead = result.Counts.RowsRead,
                BytesRead = import.Content.Count,
                TotalBytes = import.Content.Count,
            }).ConfigureAwait(false);
            var info = (await books.ImportAsync(data, import.By, import.Comment, result.Source, import.Activate, cancellationToken).ConfigureAwait(false))
                .ValueOrThrow();
            var outcome = Outcome(result);
            outcome.Book = info.ToProto();
            return new PriceFileVerdict(outcome, null);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private static V1.ImportOutcome Outcome(ImportResult result) => new()
    {
        Format = result.Format?.ToWire() ?? "",
        RowsRead = result.Counts.RowsRead,
        Prices = result.Counts.Prices,
        Egress = result.Counts.Egress,
        SpotBands = result.Counts.SpotBands,
        Notes = { result.Notes },
        Replaces = result.Replaces,
    };

    /// <summary>
    /// The diff the existing DiffPriceBooks computes, against the version the import would store (numbered 0 here:
    /// it has no number yet), with the active overrides carried over as a real import would.
    /// </summary>
    private static V1.ImportOutcome DryRunOutcome(ImportResult result, Core.StoredPriceBook? active, Core.PriceCatalogData data)
    {
        var info = new Core.PriceBookInfo(0, "", default, "", result.Source, data.Prices.Count, active?.Overrides.Count ?? 0, Active: false);
        var from = active ?? new Core.StoredPriceBook(info with { Source = "" }, Core.PriceCatalogData.Empty, []);
        var diff = Core.PriceBookDiff.Compute(from, new Core.StoredPriceBook(info, data, from.Overrides));
        var outcome = Outcome(result);
        outcome.DryRun = true;
        outcome.Diff = diff.ToProto(PricingService.DefaultDiffRows);
        return outcome;
    }

    /// <summary>Parses on the thread pool and relays its progress meanwhile; a slow client only misses intermediate reports.</summary>
    private static async Task<ImportResult> ParseAsync(
        PriceFileImport import,
        Core.PriceCatalogData? active,
        Func<V1.ImportProgress, Task> report,
        CancellationToken cancellationToken)
    {
        var progress = Channel.CreateBounded<ImportProgress>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var parsing = Task.Run(() =>
        {
            try
            {
                using var content = import.OpenContent();
                return PriceImporter.Import(content, import.Request, active, new ChannelProgress(progress.Writer), cancellationToken);
            }
            finally
            {
                progress.Writer.TryComplete();
            }
        }, cancellationToken);
        await foreach (var step in progress.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await report(new V1.ImportProgress
            {
                Phase = ParsingPhase,
                RowsRead = step.RowsRead,
                BytesRead = step.BytesRead,
                TotalBytes = step.TotalBytes ?? import.Content.Count,
            }).ConfigureAwait(false);
        }
        return await parsing.ConfigureAwait(false);
    }

    private sealed class ChannelProgress(ChannelWriter<ImportProgress> writer) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => writer.TryWrite(value);
    }
}
