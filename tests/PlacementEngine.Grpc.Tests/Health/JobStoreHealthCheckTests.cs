using System.Reflection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlacementEngine.Grpc.Health;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grpc.Tests.Health;

public sealed class JobStoreHealthCheckTests
{
    [Fact]
    public async Task CheckHealth_StoreAnswers_Healthy()
    {
        var result = await new JobStoreHealthCheck(new InMemoryJobStore()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealth_StoreThrows_UnhealthyWithTheException()
    {
        var store = DispatchProxy.Create<IJobStore, BrokenStore>();

        var result = await new JobStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.IsType<IOException>(result.Exception);
    }

    /// <summary>A store whose every call fails, as one on a lost disk would.</summary>
    public class BrokenStore : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new IOException("disk gone");
    }
}
