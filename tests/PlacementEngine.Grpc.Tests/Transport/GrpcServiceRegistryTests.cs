using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Transport;

public sealed class GrpcServiceRegistryTests
{
    private static Task<Job> Answer(GetJobRequest request, ServerCallContext context) => Task.FromResult(new Job { Id = request.Id });

    [Fact]
    public void AddUnary_NewMethod_KnowsItsService()
    {
        var registry = new GrpcServiceRegistry().AddUnary<GetJobRequest, Job>("/test.v1.Echo/Get", GetJobRequest.Parser, Answer);

        Assert.True(registry.HasService("test.v1.Echo"));
        Assert.Contains("/test.v1.Echo/Get", registry.MethodNames);
    }

    [Fact]
    public void AddUnary_SameMethodTwice_Throws()
    {
        var registry = new GrpcServiceRegistry().AddUnary<GetJobRequest, Job>("/test.v1.Echo/Get", GetJobRequest.Parser, Answer);

        var ex = Assert.Throws<ArgumentException>(() => registry.AddUnary<GetJobRequest, Job>("/test.v1.Echo/Get", GetJobRequest.Parser, Answer));

        Assert.Contains("registered twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddUnary_MalformedName_Throws() =>
        Assert.Throws<ArgumentException>(() => new GrpcServiceRegistry().AddUnary<GetJobRequest, Job>("Get", GetJobRequest.Parser, Answer));

    [Fact]
    public void AddUnary_AfterTheServerStarted_Throws()
    {
        var registry = new GrpcServiceRegistry();
        registry.Freeze();

        var ex = Assert.Throws<InvalidOperationException>(() => registry.AddUnary<GetJobRequest, Job>("/test.v1.Echo/Get", GetJobRequest.Parser, Answer));

        Assert.Contains("before the server starts", ex.Message, StringComparison.Ordinal);
    }
}
