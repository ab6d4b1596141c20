using Microsoft.AspNetCore.Authorization;

namespace PlacementEngine.Grpc.Auth;

/// <summary>The authorization policies of the API: who may call what, and whose jobs a caller may touch.</summary>
public static class PlacementPolicies
{
    /// <summary>Admin tokens only: prices are the platform's to set, or a submitter could steer every team's jobs.</summary>
    public const string Admin = "admin";

    /// <summary>Resource-based, the resource being a team's name: admins may act for any team, others for their own.</summary>
    public const string TeamAccess = "team-access";

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Admin, policy => policy
            .AddAuthenticationSchemes(BearerTokenDefaults.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AdminRequirement()));
        options.AddPolicy(TeamAccess, policy => policy
            .AddAuthenticationSchemes(BearerTokenDefaults.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new TeamAccessRequirement()));
    }
}
