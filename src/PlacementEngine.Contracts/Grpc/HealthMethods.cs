namespace PlacementEngine.Contracts.Grpc;

/// <summary>Full method names of the standard grpc.health.v1.Health service.</summary>
public static class HealthMethods
{
    public const string ServiceName = "grpc.health.v1.Health";
    public const string Check = "/" + ServiceName + "/Check";
    public const string Watch = "/" + ServiceName + "/Watch";
}
