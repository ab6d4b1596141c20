using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Tests.Contracts;

public sealed class GrpcMethodNameTests
{
    [Fact]
    public void TryParse_FullMethod_SplitsServiceAndMethod()
    {
        Assert.True(GrpcMethodName.TryParse(JobServiceMethods.SubmitJob, out var name));
        Assert.Equal("placement.v1.JobService", name.Service);
        Assert.Equal("SubmitJob", name.Method);
        Assert.Equal("/placement.v1.JobService/SubmitJob", name.FullName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("placement.v1.JobService/SubmitJob")]
    [InlineData("/placement.v1.JobService")]
    [InlineData("/placement.v1.JobService/")]
    [InlineData("//SubmitJob")]
    [InlineData("/a/b/c")]
    public void TryParse_NotAMethodPath_ReturnsFalse(string? path) =>
        Assert.False(GrpcMethodName.TryParse(path, out _));

    [Fact]
    public void Parse_Invalid_ThrowsNamingTheExpectedShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => GrpcMethodName.Parse("SubmitJob", "fullMethod"));

        Assert.Contains("/package.Service/Method", ex.Message, StringComparison.Ordinal);
    }
}
