namespace PlacementEngine.Contracts.Grpc;

/// <summary>Full method names of placement.v1.FleetService.</summary>
public static class FleetServiceMethods
{
    public const string ServiceName = "placement.v1.FleetService";
    public const string ListClusters = "/" + ServiceName + "/ListClusters";
    public const string ListPools = "/" + ServiceName + "/ListPools";
}
