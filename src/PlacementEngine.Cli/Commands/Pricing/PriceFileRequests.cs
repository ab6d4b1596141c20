using Google.Protobuf;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>
/// The ImportPrices requests for one file: the header, then the file read from disk chunk by chunk as the call takes
/// them (a catalog of tens of MB is never held whole), reporting each chunk sent.
/// </summary>
internal static class PriceFileRequests
{
    /// <summary>Small enough for steady progress and well under the 1 MiB a chunk may carry; large enough that a 4 MB catalog is 16 messages.</summary>
    public const int ChunkBytes = 256 * 1024;

    public static async IAsyncEnumerable<ImportPricesRequest> ReadAsync(
        ImportPricesHeader header,
        Stream file,
        string path,
        ImportProgressPrinter progress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ImportPricesRequest { Header = header };
        progress.Uploaded(0, header.TotalBytes);
        var buffer = new byte[ChunkBytes];
        long sent = 0;
        int read;
        while ((read = await FillAsync(file, buffer, path, cancellationToken)) > 0)
        {
            yield return new ImportPricesRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) };
            sent += read;
            progress.Uploaded(sent, header.TotalBytes);
        }
    }

    /// <summary>Whole chunks, however little each read of the stream returns; less only at the end of the file.</summary>
    private static async Task<int> FillAsync(Stream file, byte[] buffer, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {path}: {e.Message}");
        }
    }
}
