using Google.Protobuf;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>
/// Sends a price file to the server in order, in chunks the server says it takes (the transport has no client
/// streaming, and a catalog is larger than one message), reporting each chunk's progress.
/// </summary>
internal static class PriceFileUploader
{
    /// <summary>Small enough for steady progress, large enough that a 4 MB catalog takes a handful of calls.</summary>
    public const int PreferredChunkBytes = 1024 * 1024;

    /// <returns>The upload id to commit.</returns>
    public static async Task<string> UploadAsync(
        PricingRun run,
        string fileName,
        byte[] content,
        ImportProgressPrinter progress,
        CancellationToken cancellationToken)
    {
        var begin = await run.Api.BeginImportAsync(new BeginImportRequest { TotalBytes = content.Length, FileName = fileName }, cancellationToken);
        var chunkBytes = begin.MaxChunkBytes > 0 ? Math.Min(begin.MaxChunkBytes, PreferredChunkBytes) : PreferredChunkBytes;
        progress.Uploaded(0, content.Length);
        for (var offset = 0; offset < content.Length; offset += chunkBytes)
        {
            var length = Math.Min(chunkBytes, content.Length - offset);
            var sent = await run.Api.UploadImportChunkAsync(new UploadImportChunkRequest
            {
                UploadId = begin.UploadId,
                Offset = offset,
                Data = ByteString.CopyFrom(content, offset, length),
            }, cancellationToken);
            progress.Uploaded(sent.ReceivedBytes, content.Length);
        }
        return begin.UploadId;
    }
}
