namespace PlacementEngine.Core;

/// <summary>What a price is for: one instance type in one region at one capacity type.</summary>
public readonly record struct PriceKey(Cloud Cloud, string Region, string InstanceType, CapacityType CapacityType)
{
    public static PriceKey For(Cluster cluster, Pool pool) =>
        new(cluster.Cloud, cluster.Region.Name, pool.InstanceType.Name, pool.CapacityType);

    public override string ToString() => $"{Cloud.ToWire()}:{Region}/{InstanceType}/{CapacityType.ToWire()}";
}
