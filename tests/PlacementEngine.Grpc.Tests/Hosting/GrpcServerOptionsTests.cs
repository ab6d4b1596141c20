using PlacementEngine.Grpc.Hosting;

namespace PlacementEngine.Grpc.Tests.Hosting;

public sealed class GrpcServerOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new GrpcServerOptions().Validate());

    [Fact]
    public void Validate_EveryBadValue_IsReported()
    {
        var errors = new GrpcServerOptions { MaxReceiveMessageBytes = 10, TokensFile = " " }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains("between 1024 and 268435456", errors[0], StringComparison.Ordinal);
        Assert.Contains("TokensFile", errors[1], StringComparison.Ordinal);
    }
}
