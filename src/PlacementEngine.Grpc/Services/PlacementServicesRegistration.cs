using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Services;

public static class PlacementServicesRegistration
{
    /// <summary>
    /// Registers placement.v1.JobService, with PlanJobs, and placement.v1.FleetService; every method needs a bearer token.
    /// </summary>
    public static GrpcServiceRegistry AddPlacementServices(this GrpcServiceRegistry registry, JobOperations jobs, PlanOperations plans, FleetOperations fleet)
    {
        ArgumentNullException.ThrowIfNull(plans);
        registry.AddPlacementServices(jobs, fleet);
        new PlanJobsService(plans).Register(registry);
        return registry;
    }

    /// <summary>Registers placement.v1.JobService without what-if planning (PlanJobs answers UNIMPLEMENTED), and FleetService.</summary>
    public static GrpcServiceRegistry AddPlacementServices(this GrpcServiceRegistry registry, JobOperations jobs, FleetOperations fleet)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(fleet);
        new JobService(jobs, fleet).Register(registry);
        new FleetService(fleet).Register(registry);
        return registry;
    }
}
