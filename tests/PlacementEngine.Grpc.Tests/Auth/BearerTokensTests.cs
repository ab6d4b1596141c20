using PlacementEngine.Grpc.Auth;

namespace PlacementEngine.Grpc.Tests.Auth;

public sealed class BearerTokensTests
{
    private static readonly Caller Admin = new("platform", CallerRole.Admin);
    private static readonly Caller Researcher = new("ml-research", CallerRole.Submitter);

    private static BearerTokens CreateSut() => new(
    [
        new TokenGrant("dev-admin-token", Admin),
        new TokenGrant("dev-ml-research-token", Researcher),
    ]);

    [Fact]
    public void Find_KnownTokens_ReturnTheirCallers()
    {
        var tokens = CreateSut();

        Assert.Equal(Admin, tokens.Find("dev-admin-token"));
        Assert.Equal(Researcher, tokens.Find("dev-ml-research-token"));
    }

    [Theory]
    [InlineData("dev-admin")]
    [InlineData("dev-admin-token-2")]
    [InlineData("DEV-ADMIN-TOKEN")]
    [InlineData("")]
    public void Find_UnknownToken_Null(string token) => Assert.Null(CreateSut().Find(token));

    [Fact]
    public void Find_NoTokensConfigured_FindsNothing() =>
        Assert.Null(BearerTokens.None.Find("anything"));

    [Fact]
    public void Caller_MayActFor_OwnTeamOrAnyTeamAsAdmin()
    {
        Assert.True(Researcher.MayActFor("ml-research"));
        Assert.False(Researcher.MayActFor("platform"));
        Assert.True(Admin.MayActFor("ml-research"));
    }

    [Theory]
    [InlineData(CallerRole.Admin)]
    [InlineData(CallerRole.Submitter)]
    public void CallerClaims_RoundTrip_SameTeamAndRole(CallerRole role)
    {
        var caller = new Caller("vision", role);

        Assert.Equal(caller, CallerClaims.FromPrincipal(CallerClaims.ToPrincipal(caller, BearerTokenDefaults.Scheme)));
    }

    [Fact]
    public void CallerClaims_AnonymousPrincipal_NoCaller() =>
        Assert.Null(CallerClaims.FromPrincipal(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())));
}
