using Grpc.Core;
using PlacementEngine.Grpc.Auth;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

internal sealed partial class PricingService
{
    public override async Task<V1.PriceBookVersion> SetOverride(V1.SetOverrideRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var change = OverrideRequestMapping.ToCore(request.Override, caller.Team);
        var info = (await books.SetOverrideAsync(change, request.AllowBelowFloor, context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return info.ToProto();
    }

    public override async Task<V1.PriceBookVersion> RemoveOverride(V1.RemoveOverrideRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Required(request.Id, "id");
        var info = (await books.RemoveOverrideAsync(id, caller.Team, request.Comment.Trim(), context.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return info.ToProto();
    }

    public override async Task<V1.ListOverridesResponse> ListOverrides(V1.ListOverridesRequest request, ServerCallContext context)
    {
        if (request.Version < 0)
        {
            throw Rpc.Error(StatusCode.InvalidArgument, $"version: {request.Version} is not a version; leave it 0 for the active one");
        }
        var book = request.Version == 0
            ? await books.LoadActiveAsync(context.CancellationToken).ConfigureAwait(false)
                ?? throw Rpc.Error(StatusCode.FailedPrecondition, "no price book is active yet; import prices first")
            : await books.LoadAsync(request.Version, context.CancellationToken).ConfigureAwait(false)
                ?? throw Rpc.Error(StatusCode.NotFound, $"price book {request.Version} does not exist");
        return new V1.ListOverridesResponse { Version = book.Info.Version, Overrides = { book.Overrides.Select(o => o.ToProto()) } };
    }
}
