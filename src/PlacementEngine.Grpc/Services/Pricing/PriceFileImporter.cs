using System.Runtime;
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
    public const string StoringPhase = "storing";

    /// <summary>Files from this size on leave enough behind to collect at once: the shipped catalog's prices are under 4 MB.</summary>
    public const long ReturnMemoryAfterBytes = 16L * 1024 * 1024;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="chunks">The file as it arrives; parsed while it does (<see cref="PriceFileFeed"/>).</param>
    /// <param name="report">Receives progress while the file arrives and is parsed, then once before it is stored.</param>
    /// <returns>The stored version, or the file's problems when it was rejected (and nothing was stored).</returns>
    public async Task<PriceFileVerdict> ImportAsync(
        PriceFileImport import,
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunks,
        Func<V1.ImportProgress, Task> report,
        CancellationToken cancellationToken)
    {
        PriceFileVerdict verdict;
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            verdict = await ImportOneAsync(import, chunks, report, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
        if (verdict.ReceivedBytes >= ReturnMemoryAfterBytes)
        {
            ReturnMemory();
        }
        return verdict;
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>
    /// A large import leaves hundreds of MB of parsed rows behind, and a server idle after it would allocate too little
    /// to collect them: the heap, and the process' RSS, would stay at the import's peak. Imports are rare, so one
    /// blocking, compacting collection that gives the memory back to the system is cheap; it runs after
    /// <see cref="ImportOneAsync"/> has returned, when nothing references the rows any more.
    /// </summary>
    private static void ReturnMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private async Task<PriceFileVerdict> ImportOneAsync(
        PriceFileImport import,
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunks,
        Func<V1.ImportProgress, Task> report,
        CancellationToken cancellationToken)
    {
        var active = await books.LoadActiveAsync(cancellationToken).ConfigureAwait(false);
        var (result, received) = await PriceFileFeed.ParseAsync(import, chunks, active?.Data, report, cancellationToken).ConfigureAwait(false);
        if (result.Data is not { } data)
        {
            return new PriceFileVerdict(null, result) { ReceivedBytes = received };
        }
        if (import.DryRun)
        {
            return new PriceFileVerdict(DryRunOutcome(result, active, data), null) { ReceivedBytes = received };
        }
        await report(new V1.ImportProgress
        {
            Phase = StoringPhase,
            RowsRead = result.Counts.RowsRead,
            BytesRead = received,
            TotalBytes = received,
        }).ConfigureAwait(false);
        var info = (await books.ImportAsync(data, import.By, import.Comment, result.Source, import.Activate, cancellationToken).ConfigureAwait(false))
            .ValueOrThrow();
        var outcome = Outcome(result);
        outcome.Book = info.ToProto();
        return new PriceFileVerdict(outcome, null) { ReceivedBytes = received };
    }

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
}
