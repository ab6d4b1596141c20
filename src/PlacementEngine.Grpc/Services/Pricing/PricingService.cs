using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// placement.v1.PricingService: admins import prices, override them, list, diff and activate versions, and look a
/// price up. Every method is admin only. The work is <see cref="PriceBookService"/>'s and the price file importer's;
/// this maps requests, callers and results to and from the API.
/// </summary>
internal sealed partial class PricingService(
    PriceBookService books,
    ImportUploads uploads,
    PriceFileImporter importer,
    PricingServiceOptions options)
{
    public const int DefaultDiffRows = 1000;
    public const int MaxDiffRows = 20_000;

    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddUnary<V1.BeginImportRequest, V1.BeginImportResponse>(PricingServiceMethods.BeginImport, V1.BeginImportRequest.Parser, BeginImportAsync);
        registry.AddUnary<V1.UploadImportChunkRequest, V1.UploadImportChunkResponse>(PricingServiceMethods.UploadImportChunk, V1.UploadImportChunkRequest.Parser, UploadImportChunkAsync);
        registry.AddServerStreaming<V1.CommitImportRequest, V1.CommitImportEvent>(PricingServiceMethods.CommitImport, V1.CommitImportRequest.Parser, CommitImportAsync);
        registry.AddUnary<V1.SetOverrideRequest, V1.PriceBookVersion>(PricingServiceMethods.SetOverride, V1.SetOverrideRequest.Parser, SetOverrideAsync);
        registry.AddUnary<V1.RemoveOverrideRequest, V1.PriceBookVersion>(PricingServiceMethods.RemoveOverride, V1.RemoveOverrideRequest.Parser, RemoveOverrideAsync);
        registry.AddUnary<V1.ListOverridesRequest, V1.ListOverridesResponse>(PricingServiceMethods.ListOverrides, V1.ListOverridesRequest.Parser, ListOverridesAsync);
        registry.AddUnary<V1.ListPriceBooksRequest, V1.ListPriceBooksResponse>(PricingServiceMethods.ListPriceBooks, V1.ListPriceBooksRequest.Parser, ListPriceBooksAsync);
        registry.AddUnary<V1.DiffPriceBooksRequest, V1.DiffPriceBooksResponse>(PricingServiceMethods.DiffPriceBooks, V1.DiffPriceBooksRequest.Parser, DiffPriceBooksAsync);
        registry.AddUnary<V1.ActivatePriceBookRequest, V1.PriceBookVersion>(PricingServiceMethods.ActivatePriceBook, V1.ActivatePriceBookRequest.Parser, ActivatePriceBookAsync);
        registry.AddUnary<V1.GetPriceRequest, V1.GetPriceResponse>(PricingServiceMethods.GetPrice, V1.GetPriceRequest.Parser, GetPriceAsync);
    }

    public async Task<V1.ListPriceBooksResponse> ListPriceBooksAsync(V1.ListPriceBooksRequest request, ServerCallContext context)
    {
        RequireAdmin(context);
        var list = await books.ListAsync(context.CancellationToken).ConfigureAwait(false);
        return new V1.ListPriceBooksResponse { Books = { list.Select(b => b.ToProto()) } };
    }

    public async Task<V1.DiffPriceBooksResponse> DiffPriceBooksAsync(V1.DiffPriceBooksRequest request, ServerCallContext context)
    {
        RequireAdmin(context);
        RequireVersion(request.FromVersion, "from_version");
        RequireVersion(request.ToVersion, "to_version");
        var rows = request.MaxRows switch
        {
            0 => DefaultDiffRows,
            < 0 or > MaxDiffRows => throw new RpcException(StatusCode.InvalidArgument, $"max_rows: {request.MaxRows} is outside 1 to {MaxDiffRows}; leave it 0 for {DefaultDiffRows}"),
            _ => request.MaxRows,
        };
        var diff = (await books.DiffAsync(request.FromVersion, request.ToVersion, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return diff.ToProto(rows);
    }

    public async Task<V1.PriceBookVersion> ActivatePriceBookAsync(V1.ActivatePriceBookRequest request, ServerCallContext context)
    {
        var caller = RequireAdmin(context);
        RequireVersion(request.Version, "version");
        var info = (await books.ActivateAsync(request.Version, caller.Team, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return info.ToProto();
    }

    public async Task<V1.GetPriceResponse> GetPriceAsync(V1.GetPriceRequest request, ServerCallContext context)
    {
        RequireAdmin(context);
        var cloud = PricingMapping.ParseCloud(request.Cloud, "cloud");
        var region = Required(request.Region, "region");
        var instanceType = Required(request.InstanceType, "instance_type");
        var prices = (await books.GetPriceAsync(cloud, region, instanceType, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        // The book's own spelling, which may differ in case from what the admin typed.
        var key = prices.Prices[0].Key;
        return prices.ToProto(cloud, key.Region, key.InstanceType);
    }

    /// <summary>Prices are the platform's to set: a submitter could otherwise steer every team's jobs.</summary>
    private static Caller RequireAdmin(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.IsAdmin
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, $"{context.Method}: pricing is for admins; team {caller.Team} has a submitter token");
    }

    private static void RequireVersion(long version, string field)
    {
        if (version <= 0)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"{field}: {version} is not a version; versions start at 1 (ListPriceBooks lists them)");
        }
    }

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new RpcException(StatusCode.InvalidArgument, $"{field}: required") : value.Trim();
}
