using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Services;

public sealed class PlanJobsRegistrationTests
{
    [Fact]
    public void AddPlacementServices_WithPlans_RegistersPlanJobsBesideEveryOtherRpc()
    {
        using var api = new PlacementApiHarness();
        var plans = new PlanJobsHarness().Plans;

        var registry = new GrpcServiceRegistry().AddPlacementServices(api.Jobs, plans, api.FleetOps);

        Assert.Equal(
            new[]
            {
                JobServiceMethods.SubmitJob, JobServiceMethods.GetJob, JobServiceMethods.ListJobs, JobServiceMethods.CancelJob,
                JobServiceMethods.WatchJob, JobServiceMethods.ExplainJob, JobServiceMethods.PlanJobs,
                FleetServiceMethods.ListClusters, FleetServiceMethods.ListPools,
            }.Order(StringComparer.Ordinal),
            registry.MethodNames.Order(StringComparer.Ordinal));
    }
}
