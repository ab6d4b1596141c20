using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// placement.v1.PricingService: admins import prices, override them, list, diff and activate versions, and look a
/// price up. Every method is admin only (<see cref="PlacementPolicies.Admin"/>). The work is
/// <see cref="PriceBookService"/>'s and the price file importer's; this maps requests, callers and results to and from the API.
/// </summary>
[Authorize(Policy = PlacementPolicies.Admin)]
internal sealed partial class PricingService(PriceBookService books, PriceFileImporter importer, PricingServiceOptions options)
    : V1.PricingService.PricingServiceBase
{
    public const int DefaultDiffRows = 1000;
    public const int MaxDiffRows = 20_000;

    public override async Task<V1.ListPriceBooksResponse> ListPriceBooks(V1.ListPriceBooksRequest request, ServerCallContext context)
    {
        var list = await books.ListAsync(context.CancellationToken).ConfigureAwait(false);
        return new V1.ListPriceBooksResponse { Books = { list.Select(b => b.ToProto()) } };
    }

    public override async Task<V1.DiffPriceBooksResponse> DiffPriceBooks(V1.DiffPriceBooksRequest request, ServerCallContext context)
    {
        RequireVersion(request.FromVersion, "from_version");
        RequireVersion(request.ToVersion, "to_version");
        var rows = request.MaxRows switch
        {
            0 => DefaultDiffRows,
            < 0 or > MaxDiffRows => throw Rpc.Error(StatusCode.InvalidArgument, $"max_rows: {request.MaxRows} is outside 1 to {MaxDiffRows}; leave it 0 for {DefaultDiffRows}"),
            _ => request.MaxRows,
        };
        var diff = (await books.DiffAsync(request.FromVersion, request.ToVersion, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return diff.ToProto(rows);
    }

    public override async Task<V1.PriceBookVersion> ActivatePriceBook(V1.ActivatePriceBookRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        RequireVersion(request.Version, "version");
        var info = (await books.ActivateAsync(request.Version, caller.Team, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return info.ToProto();
    }

    public override async Task<V1.GetPriceResponse> GetPrice(V1.GetPriceRequest request, ServerCallContext context)
    {
        var cloud = PricingMapping.ParseCloud(request.Cloud, "cloud");
        var region = Required(request.Region, "region");
        var instanceType = Required(request.InstanceType, "instance_type");
        var prices = (await books.GetPriceAsync(cloud, region, instanceType, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        // The book's own spelling, which may differ in case from what the admin typed.
        var key = prices.Prices[0].Key;
        return prices.ToProto(cloud, key.Region, key.InstanceType);
    }

    private static void RequireVersion(long version, string field)
    {
        if (version <= 0)
        {
            throw Rpc.Error(StatusCode.InvalidArgument, $"{field}: {version} is not a version; versions start at 1 (ListPriceBooks lists them)");
        }
    }

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Rpc.Error(StatusCode.InvalidArgument, $"{field}: required") : value.Trim();
}
