using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Services;

public sealed class PlacementServicesRegistrationTests
{
    [Fact]
    public void AddPlacementServices_RegistersEveryRpcOfJobAndFleetService()
    {
        using var api = new PlacementApiHarness();

        var registry = new GrpcServiceRegistry().AddPlacementServices(api.Jobs, api.FleetOps);

        Assert.Equal(
            new[]
            {
                JobServiceMethods.SubmitJob, JobServiceMethods.GetJob, JobServiceMethods.ListJobs, JobServiceMethods.CancelJob,
                JobServiceMethods.WatchJob, JobServiceMethods.ExplainJob, FleetServiceMethods.ListClusters, FleetServiceMethods.ListPools,
            }.Order(StringComparer.Ordinal),
            registry.MethodNames.Order(StringComparer.Ordinal));
    }
}
