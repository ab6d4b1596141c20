using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Transport;

public sealed class GrpcTransportStartupTests
{
    [Fact]
    public async Task StartAsync_MalformedTokensFile_ServerDoesNotStartAndSaysWhy()
    {
        var ex = await Assert.ThrowsAsync<TokenFileException>(() =>
            GrpcTestHost.StartAsync(tokensYaml: "tokens:\n  - {token: t1, team: a, role: superuser}\n"));

        Assert.Contains("role 'superuser' must be admin or submitter", ex.Message, StringComparison.Ordinal);
    }
}
