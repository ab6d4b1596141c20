using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Hosting;

public sealed class GrpcServerStartupTests
{
    [Fact]
    public async Task StartAsync_MalformedTokensFile_ServerDoesNotStartAndSaysWhy()
    {
        var ex = await Assert.ThrowsAsync<TokenFileException>(() =>
            GrpcTestHost.StartAsync(tokensYaml: "tokens:\n  - {token: t1, team: a, role: superuser}\n"));

        Assert.Contains("role 'superuser' must be admin or submitter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlacementGrpc_ImpossibleMessageLimit_RefusedAtStartUp()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddPlacementGrpc(new GrpcServerOptions { MaxReceiveMessageBytes = 10 }));

        Assert.Contains("between 1024 and 268435456", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPricingService_ImpossibleFileLimit_RefusedAtStartUp()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddPricingService(new PricingServiceOptions { Imports = new PriceImportLimits { MaxFileBytes = 0 } }));

        Assert.Contains("MaxFileBytes is 0", ex.Message, StringComparison.Ordinal);
    }
}
