using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace PlacementEngine.Grpc.Auth;

/// <summary>
/// Hands a policy's failure reasons to the forbid, so PERMISSION_DENIED says why; the stock handler forbids without
/// them. Challenges and successes go to the stock handler.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _stock = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _stock.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message) ?? [];
        var properties = new AuthenticationProperties();
        properties.Items[BearerTokenHandler.ForbiddenDetailItem] = string.Join("; ", reasons);
        await context.ForbidAsync(BearerTokenDefaults.Scheme, properties).ConfigureAwait(false);
    }
}
