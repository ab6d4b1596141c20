using System.Runtime.CompilerServices;
using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Pricing;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

internal sealed partial class PricingService
{
    /// <summary>
    /// The header, then the file in chunks, then the client half-closes. Each chunk is parsed as it arrives and let go
    /// (<see cref="PriceFileImporter"/>): the call holds the parsed rows, never the file.
    /// </summary>
    public override async Task ImportPrices(IAsyncStreamReader<V1.ImportPricesRequest> requestStream, IServerStreamWriter<V1.ImportPricesEvent> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw Rpc.Error(StatusCode.InvalidArgument, "header: the call ended before the ImportPricesHeader, which must be the first message");
        }
        var header = requestStream.Current.Header
            ?? throw Rpc.Error(StatusCode.InvalidArgument, "header: the first message must be the ImportPricesHeader, before any chunk");
        // Every option is checked before the file is taken, so a typo in a flag does not cost an upload.
        var request = ImportRequest(header);
        var limit = options.Imports.MaxFileBytes;
        switch (header.TotalBytes)
        {
            case < 0:
                throw Rpc.Error(StatusCode.InvalidArgument, $"total_bytes: {header.TotalBytes} is negative; leave it 0 when the size is not known");
            case var total when total > limit:
                throw Rpc.Error(StatusCode.ResourceExhausted, $"total_bytes: {total} bytes is more than the largest price file this server takes ({limit} bytes)");
        }

        var import = new PriceFileImport(request, caller.Team, header.Comment.Trim(), !header.NoActivate, header.TotalBytes)
        {
            DryRun = header.DryRun,
        };
        var verdict = await importer.ImportAsync(
            import,
            ChunksAsync(requestStream, header.TotalBytes, limit, cancellationToken),
            progress => responseStream.WriteAsync(new V1.ImportPricesEvent { Progress = progress }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (verdict.Rejection is { } rejection)
        {
            await responseStream.WriteAsync(new V1.ImportPricesEvent { Rejected = ImportProblemsMessage.ToRejection(rejection) }, cancellationToken).ConfigureAwait(false);
            throw Rpc.Error(StatusCode.InvalidArgument, ImportProblemsMessage.Describe(rejection, import.FileName));
        }
        await responseStream.WriteAsync(new V1.ImportPricesEvent { Outcome = verdict.Outcome }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each chunk as it arrives, until the client half-closes; a chunk that breaks the protocol or a limit ends the call.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksAsync(
        IAsyncStreamReader<V1.ImportPricesRequest> requestStream,
        long announced,
        long limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long received = 0;
        for (var number = 2; await requestStream.MoveNext(cancellationToken).ConfigureAwait(false); number++)
        {
            var part = requestStream.Current;
            if (part.PartCase != V1.ImportPricesRequest.PartOneofCase.Chunk)
            {
                throw Rpc.Error(StatusCode.InvalidArgument, part.PartCase == V1.ImportPricesRequest.PartOneofCase.Header
                    ? $"header: only the first message may be the ImportPricesHeader; message {number} is another"
                    : $"chunk: message {number} carries neither a header nor a chunk");
            }
            var chunk = part.Chunk;
            if (chunk.Length > PriceImportLimits.MaxChunkBytes)
            {
                throw Rpc.Error(StatusCode.InvalidArgument, $"chunk: message {number} carries {chunk.Length} bytes; a chunk may carry at most {PriceImportLimits.MaxChunkBytes}");
            }
            if (received + chunk.Length > limit)
            {
                throw Rpc.Error(StatusCode.ResourceExhausted, $"the price file is more than the largest price file this server takes ({limit} bytes)");
            }
            if (announced > 0 && received + chunk.Length > announced)
            {
                throw Rpc.Error(StatusCode.InvalidArgument, $"total_bytes: the header announced {announced} bytes and more arrived");
            }
            received += chunk.Length;
            yield return chunk.Memory;
        }
        if (announced > 0 && received != announced)
        {
            throw Rpc.Error(StatusCode.InvalidArgument, $"total_bytes: the header announced {announced} bytes but {received} arrived");
        }
    }

    private PriceImportRequest ImportRequest(V1.ImportPricesHeader header) => new()
    {
        FileName = Path.GetFileName(header.FileName.Trim()),
        Format = Format(header.Format),
        Cloud = header.Cloud.Length == 0 ? null : PricingMapping.ParseCloud(header.Cloud, "cloud"),
        Region = Region(header.Region),
        Validation = new ImportValidationOptions
        {
            AllowLargeChanges = header.AllowLargeChanges,
            AllowRemovals = header.AllowRemovals,
            AllowBelowFloor = header.AllowBelowFloor,
            AllowUnpricedPools = header.AllowUnpricedPools,
            PoolKeys = options.PoolKeys,
            Regions = options.Regions,
        },
    };

    private static PriceImportFormat? Format(string text) =>
        text.Length == 0 ? null
        : PriceImportFormatNames.TryParse(text, out var format) ? format
        : throw Rpc.Error(StatusCode.InvalidArgument, $"format: '{text}' is not a price file format; use {string.Join(", ", PriceImportFormatNames.All)}, or leave it empty to detect it");

    private static RegionId? Region(string text) =>
        text.Length == 0 ? null
        : RegionId.TryParse(text, out var region) ? region
        : throw Rpc.Error(StatusCode.InvalidArgument, $"region: '{text}' is not a region; write it cloud:region, e.g. gcp:us-central1");
}
