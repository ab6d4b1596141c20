using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace PlacementEngine.Grpc.Auth;

/// <summary>Checks <see cref="PlacementPolicies.TeamAccess"/> for the caller of a call.</summary>
internal static class TeamAccess
{
    /// <summary>Returns normally when the caller may act for <paramref name="team"/>.</summary>
    /// <exception cref="RpcException">PERMISSION_DENIED with <paramref name="refusal"/> as its message.</exception>
    public static async Task DemandAsync(this IAuthorizationService authorization, ServerCallContext context, string team, Func<string> refusal)
    {
        if (!await authorization.MayActForAsync(context, team).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, refusal()));
        }
    }

    public static async Task<bool> MayActForAsync(this IAuthorizationService authorization, ServerCallContext context, string team)
    {
        var result = await authorization.AuthorizeAsync(context.GetHttpContext().User, team, PlacementPolicies.TeamAccess).ConfigureAwait(false);
        return result.Succeeded;
    }
}
