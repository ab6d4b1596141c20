namespace PlacementEngine.Core;

/// <summary>Price keys in listing order: cloud, region, instance type, capacity type (names ordinal, enums in declaration order).</summary>
public sealed class PriceKeyOrder : IComparer<PriceKey>
{
    public static PriceKeyOrder Instance { get; } = new();

    private PriceKeyOrder()
    {
    }

    public int Compare(PriceKey x, PriceKey y)
    {
        var byCloud = x.Cloud.CompareTo(y.Cloud);
        if (byCloud != 0)
        {
            return byCloud;
        }
        var byRegion = string.CompareOrdinal(x.Region, y.Region);
        if (byRegion != 0)
        {
            return byRegion;
        }
        var byType = string.CompareOrdinal(x.InstanceType, y.InstanceType);
        return byType != 0 ? byType : x.CapacityType.CompareTo(y.CapacityType);
    }
}
