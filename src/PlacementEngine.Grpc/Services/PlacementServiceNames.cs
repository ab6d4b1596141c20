using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>The full names of the API's services, as health checks and reflection name them.</summary>
public static class PlacementServiceNames
{
    public static string Jobs { get; } = V1.JobService.Descriptor.FullName;

    public static string Fleet { get; } = V1.FleetService.Descriptor.FullName;

    public static string Pricing { get; } = V1.PricingService.Descriptor.FullName;

    public static IReadOnlyList<string> All { get; } = [Jobs, Fleet, Pricing];
}
