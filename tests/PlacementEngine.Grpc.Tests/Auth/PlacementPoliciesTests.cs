using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Auth;

public sealed class PlacementPoliciesTests
{
    private static readonly Caller Admin = new("platform", CallerRole.Admin);
    private static readonly Caller Researcher = new("ml-research", CallerRole.Submitter);

    private static Task<AuthorizationResult> AuthorizeAsync(Caller caller, object? resource, string policy) =>
        TestAuthorization.Service.AuthorizeAsync(CallerClaims.ToPrincipal(caller, BearerTokenDefaults.Scheme), resource, policy);

    [Theory]
    [InlineData("ml-research", true)]
    [InlineData("vision", false)]
    public async Task TeamAccess_Submitter_OnlyItsOwnTeam(string team, bool allowed) =>
        Assert.Equal(allowed, (await AuthorizeAsync(Researcher, team, PlacementPolicies.TeamAccess)).Succeeded);

    [Fact]
    public async Task TeamAccess_Admin_AnyTeam() =>
        Assert.True((await AuthorizeAsync(Admin, "vision", PlacementPolicies.TeamAccess)).Succeeded);

    [Fact]
    public async Task Admin_Submitter_FailsSayingPricingIsForAdmins()
    {
        var result = await AuthorizeAsync(Researcher, null, PlacementPolicies.Admin);

        Assert.False(result.Succeeded);
        var reason = Assert.Single(result.Failure!.FailureReasons);
        Assert.Equal("this method: pricing is for admins; team ml-research has a submitter token", reason.Message);
    }

    [Fact]
    public async Task Admin_AdminToken_Succeeds() =>
        Assert.True((await AuthorizeAsync(Admin, null, PlacementPolicies.Admin)).Succeeded);
}
