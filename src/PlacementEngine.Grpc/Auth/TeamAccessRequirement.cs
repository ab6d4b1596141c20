using Microsoft.AspNetCore.Authorization;

namespace PlacementEngine.Grpc.Auth;

/// <summary>
/// The caller may act for the team named by the resource: its own team, or any team with an admin token.
/// Callers check it through <see cref="IAuthorizationService"/> and word the refusal for what was asked.
/// </summary>
public sealed class TeamAccessRequirement : AuthorizationHandler<TeamAccessRequirement, string>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TeamAccessRequirement requirement, string resource)
    {
        if (CallerClaims.FromPrincipal(context.User)?.MayActFor(resource) == true)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
