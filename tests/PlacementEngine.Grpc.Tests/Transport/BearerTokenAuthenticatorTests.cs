using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Transport;

public sealed class BearerTokenAuthenticatorTests
{
    private static readonly Caller Admin = new("platform", CallerRole.Admin);
    private static readonly Caller Researcher = new("ml-research", CallerRole.Submitter);

    private static BearerTokenAuthenticator CreateSut() => new(
    [
        new TokenGrant("dev-admin-token", Admin),
        new TokenGrant("dev-ml-research-token", Researcher),
    ]);

    [Theory]
    [InlineData("Bearer dev-admin-token")]
    [InlineData("bearer dev-admin-token")]
    [InlineData("Bearer  dev-admin-token ")]
    public void Authenticate_KnownToken_ReturnsItsCaller(string header) =>
        Assert.Equal(Admin, CreateSut().Authenticate(header));

    [Fact]
    public void Authenticate_SecondToken_ReturnsItsCaller() =>
        Assert.Equal(Researcher, CreateSut().Authenticate("Bearer dev-ml-research-token"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("dev-admin-token")]
    public void Authenticate_NoBearerToken_UnauthenticatedMissingBearerToken(string? header)
    {
        var ex = Assert.Throws<RpcException>(() => CreateSut().Authenticate(header));

        Assert.Equal(StatusCode.Unauthenticated, ex.Status);
        Assert.StartsWith("missing bearer token", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer dev-admin")]
    [InlineData("Bearer dev-admin-token-2")]
    [InlineData("Bearer DEV-ADMIN-TOKEN")]
    public void Authenticate_UnknownToken_UnauthenticatedUnknownToken(string header)
    {
        var ex = Assert.Throws<RpcException>(() => CreateSut().Authenticate(header));

        Assert.Equal(StatusCode.Unauthenticated, ex.Status);
        Assert.Equal("unknown token", ex.Detail);
    }

    [Fact]
    public void Find_NoTokensConfigured_FindsNothing() =>
        Assert.Null(BearerTokenAuthenticator.None.Find("anything"));

    [Fact]
    public void Caller_MayActFor_OwnTeamOrAnyTeamAsAdmin()
    {
        Assert.True(Researcher.MayActFor("ml-research"));
        Assert.False(Researcher.MayActFor("platform"));
        Assert.True(Admin.MayActFor("ml-research"));
    }
}
