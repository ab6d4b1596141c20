using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Transport;
using PlacementEngine.Pricing;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

internal sealed partial class PricingService
{
    public Task<V1.BeginImportResponse> BeginImportAsync(V1.BeginImportRequest request, ServerCallContext context)
    {
        var caller = RequireAdmin(context);
        var upload = uploads.Begin(caller.Team, request.TotalBytes, Path.GetFileName(request.FileName.Trim()));
        return Task.FromResult(new V1.BeginImportResponse
        {
            UploadId = upload.Id,
            MaxChunkBytes = uploads.Limits.MaxChunkBytes,
            ExpiresAt = Timestamp.FromDateTimeOffset(upload.ExpiresAt),
        });
    }

    public Task<V1.UploadImportChunkResponse> UploadImportChunkAsync(V1.UploadImportChunkRequest request, ServerCallContext context)
    {
        var caller = RequireAdmin(context);
        var (received, _) = uploads.Append(caller.Team, request.UploadId, request.Offset, request.Data.Span);
        return Task.FromResult(new V1.UploadImportChunkResponse { ReceivedBytes = received });
    }

    public async Task CommitImportAsync(V1.CommitImportRequest request, IServerStreamWriter<V1.CommitImportEvent> writer, ServerCallContext context)
    {
        var caller = RequireAdmin(context);
        // Every option is checked before the upload is taken, so a typo in a flag does not cost a new upload.
        var importRequest = new PriceImportRequest
        {
            Format = Format(request.Format),
            Cloud = request.Cloud.Length == 0 ? null : PricingMapping.ParseCloud(request.Cloud, "cloud"),
            Region = Region(request.Region),
            Validation = new ImportValidationOptions { AllowLargeChanges = request.AllowLargeChanges, Regions = options.Regions },
        };
        var upload = uploads.Take(caller.Team, request.UploadId);
        var import = new PriceFileImport(upload, importRequest with { FileName = upload.FileName }, caller.Team, request.Comment.Trim(), !request.NoActivate);
        var outcome = await importer.ImportAsync(
            import,
            progress => writer.WriteAsync(new V1.CommitImportEvent { Progress = progress }, context.CancellationToken),
            context.CancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(new V1.CommitImportEvent { Outcome = outcome }, context.CancellationToken).ConfigureAwait(false);
    }

    private static PriceImportFormat? Format(string text) =>
        text.Length == 0 ? null
        : PriceImportFormatNames.TryParse(text, out var format) ? format
        : throw new RpcException(StatusCode.InvalidArgument, $"format: '{text}' is not a price file format; use {string.Join(", ", PriceImportFormatNames.All)}, or leave it empty to detect it");

    private static RegionId? Region(string text) =>
        text.Length == 0 ? null
        : RegionId.TryParse(text, out var region) ? region
        : throw new RpcException(StatusCode.InvalidArgument, $"region: '{text}' is not a region; write it cloud:region, e.g. gcp:us-central1");
}
