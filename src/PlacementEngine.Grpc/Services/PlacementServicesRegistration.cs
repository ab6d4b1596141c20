using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Services;

public static class PlacementServicesRegistration
{
    /// <summary>Registers placement.v1.JobService and placement.v1.FleetService; every method needs a bearer token.</summary>
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
