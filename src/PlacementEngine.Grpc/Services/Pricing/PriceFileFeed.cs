using System.IO.Pipelines;
using System.Threading.Channels;
using PlacementEngine.Pricing;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// Feeds a price file to the parser chunk by chunk as the client sends it, through a pipe that holds at most about
/// one chunk the parser has not read yet: a 50 MB file costs its parsed rows, not 50 MB of text (and its copies)
/// on top. A slow parser slows the upload through gRPC's flow control instead of piling chunks up in memory.
/// </summary>
internal static class PriceFileFeed
{
    public const string ReceivingPhase = "receiving";
    public const string ParsingPhase = "parsing";

    private static readonly PipeOptions Buffering = new(
        pauseWriterThreshold: PriceImportLimits.MaxChunkBytes,
        resumeWriterThreshold: PriceImportLimits.MaxChunkBytes / 2,
        useSynchronizationContext: false);

    /// <param name="report">Progress while chunks arrive (bytes received, rows parsed so far), then while the parser finishes.</param>
    /// <returns>The parser's result, and how many bytes arrived.</returns>
    public static async Task<(ImportResult Result, long Received)> ParseAsync(
        PriceFileImport import,
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunks,
        Core.PriceCatalogData? active,
        Func<V1.ImportProgress, Task> report,
        CancellationToken cancellationToken)
    {
        var pipe = new Pipe(Buffering);
        // The parser reports from its own thread; only the latest report matters, and only this method writes to the call.
        var progress = Channel.CreateBounded<ImportProgress>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var parsing = ParseAsync(pipe.Reader, import.Request, active, progress.Writer, cancellationToken);
        long received = 0;
        long rows = 0;
        try
        {
            var parserStopped = false;
            await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                received += chunk.Length;
                // A parser that stopped early (a bad header) reads no more: the rest is received, checked and dropped.
                parserStopped = parserStopped || (await pipe.Writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false)).IsCompleted;
                rows = Latest(progress.Reader, rows);
                await report(new V1.ImportProgress { Phase = ReceivingPhase, BytesRead = received, TotalBytes = import.AnnouncedBytes, RowsRead = rows }).ConfigureAwait(false);
            }
            await pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The parser's next read fails with the cause, so its thread ends; the call's own error is what the client gets.
            await pipe.Writer.CompleteAsync(ex).ConfigureAwait(false);
            await ((Task)parsing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        await foreach (var step in progress.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await report(Parsing(step.RowsRead, received)).ConfigureAwait(false);
        }
        var result = await parsing.ConfigureAwait(false);
        await report(Parsing(result.Counts.RowsRead, received)).ConfigureAwait(false);
        return (result, received);
    }

    private static async Task<ImportResult> ParseAsync(
        PipeReader content,
        PriceImportRequest request,
        Core.PriceCatalogData? active,
        ChannelWriter<ImportProgress> progress,
        CancellationToken cancellationToken)
    {
        try
        {
            return await PriceImporter.ImportAsync(content, request, active, new ChannelProgress(progress), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.TryComplete();
        }
    }

    private static long Latest(ChannelReader<ImportProgress> reader, long rows)
    {
        while (reader.TryRead(out var step))
        {
            rows = step.RowsRead;
        }
        return rows;
    }

    private static V1.ImportProgress Parsing(long rows, long received) =>
        new() { Phase = ParsingPhase, RowsRead = rows, BytesRead = received, TotalBytes = received };

    private sealed class ChannelProgress(ChannelWriter<ImportProgress> writer) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => writer.TryWrite(value);
    }
}
