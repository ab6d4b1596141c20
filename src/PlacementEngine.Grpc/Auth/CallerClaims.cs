using System.Security.Claims;
using Grpc.Core;

namespace PlacementEngine.Grpc.Auth;

/// <summary>A <see cref="Caller"/> as the claims of an authenticated principal, and back.</summary>
public static class CallerClaims
{
    public const string TeamClaim = "placement/team";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, caller.Team),
                new Claim(TeamClaim, caller.Team),
                new Claim(ClaimTypes.Role, RoleName(caller.Role)),
            ],
            authenticationType);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The caller a principal stands for, or null for an anonymous one.</summary>
    public static Caller? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } || principal.FindFirst(TeamClaim)?.Value is not { } team)
        {
            return null;
        }
        return new Caller(team, principal.IsInRole(RoleName(CallerRole.Admin)) ? CallerRole.Admin : CallerRole.Submitter);
    }

    /// <summary>
    /// The authenticated caller of this call. The services' [Authorize] lets no anonymous call through, so the
    /// UNAUTHENTICATED here only guards a service mapped without it.
    /// </summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FromPrincipal(context.GetHttpContext().User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, BearerTokenDefaults.MissingToken));
    }

    public static string RoleName(CallerRole role) => role switch
    {
        CallerRole.Admin => "admin",
        _ => "submitter",
    };
}
