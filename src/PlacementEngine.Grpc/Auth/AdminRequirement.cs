using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace PlacementEngine.Grpc.Auth;

/// <summary>The caller's token has the admin role.</summary>
public sealed class AdminRequirement : AuthorizationHandler<AdminRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        var caller = CallerClaims.FromPrincipal(context.User);
        if (caller?.IsAdmin == true)
        {
            context.Succeed(requirement);
        }
        else if (caller is not null)
        {
            // Endpoint authorization passes the call's HttpContext; its path names the method ("/placement.v1.PricingService/GetPrice").
            var method = (context.Resource as HttpContext)?.Request.Path.Value ?? "this method";
            context.Fail(new AuthorizationFailureReason(this, $"{method}: pricing is for admins; team {caller.Team} has a submitter token"));
        }
        return Task.CompletedTask;
    }
}
