using System.Text;
using Google.Protobuf;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

/// <summary>An import costs memory for its chunk, not its file: the server parses what arrived before taking more.</summary>
public sealed class PricingImportMemoryTests
{
    private const int Chunks = 6;

    // Every generated row is this long, so rows parsed tell how many bytes were parsed.
    private static readonly int RowBytes = Row(0).Length;

    // What may wait unparsed: the pipe's one chunk, the reader's buffer, and the rows since the parser's last report.
    private const int MaxUnparsedBytes = 2 * PriceImportLimits.MaxChunkBytes;

    [Fact]
    public async Task ImportPrices_FileOfManyChunks_ParsesEachChunkBeforeTakingMuchMore()
    {
        using var api = await StartAsync();
        var writer = new RecordingStreamWriter<V1.ImportPricesEvent>();

        await api.ImportAsync(Messages(writer), writer: writer);

        var outcome = writer.Messages[^1].Outcome;
        Assert.NotNull(outcome);
        Assert.True(outcome.Prices > Chunks * PriceImportLimits.MaxChunkBytes / RowBytes, $"{outcome.Prices} prices");
    }

    /// <summary>The header, then 1 MiB chunks made as the server asks for each, checking what it has parsed so far.</summary>
    private static IEnumerable<V1.ImportPricesRequest> Messages(RecordingStreamWriter<V1.ImportPricesEvent> writer)
    {
        yield return new V1.ImportPricesRequest { Header = new V1.ImportPricesHeader { FileName = "prices.csv" } };
        // The seed's own rows first, so the file replaces the active book without removing its prices.
        var file = new StringBuilder(SeedFile).Append('\n');
        long sent = 0;
        var row = 0;
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            while (file.Length < PriceImportLimits.MaxChunkBytes)
            {
                file.Append(Row(row++));
            }
            var bytes = Encoding.ASCII.GetBytes(file.ToString(0, PriceImportLimits.MaxChunkBytes));
            file.Remove(0, PriceImportLimits.MaxChunkBytes);
            var parsed = RowsParsed(writer) * (long)RowBytes;
            Assert.True(sent - parsed <= MaxUnparsedBytes, $"{sent} bytes sent and only {parsed} parsed before chunk {chunk + 1}");
            sent += bytes.Length;
            yield return new V1.ImportPricesRequest { Chunk = ByteString.CopyFrom(bytes) };
        }
        yield return new V1.ImportPricesRequest { Chunk = ByteString.CopyFromUtf8(file.ToString()) };
    }

    private static long RowsParsed(RecordingStreamWriter<V1.ImportPricesEvent> writer)
    {
        lock (writer.Messages)
        {
            return writer.Messages.Select(m => m.Progress?.RowsRead ?? 0).DefaultIfEmpty(0).Max();
        }
    }

    private static string Row(int number) => $"gcp,us-central1,n2-custom-{number:D7},0.20,0.05,\n";
}
