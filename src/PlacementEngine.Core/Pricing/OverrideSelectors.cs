namespace PlacementEngine.Core;

/// <summary>
/// Which prices a selector matches, and how narrow it is. A null part matches everything; region, instance
/// family (<see cref="InstanceFamilies"/>) and instance type compare case-insensitively, because admins type
/// them by hand and no two real names differ only by case.
/// </summary>
public static class OverrideSelectors
{
    public static bool Matches(this OverrideSelector selector, PriceKey key) =>
        (selector.Cloud is not { } cloud || cloud == key.Cloud)
        && (selector.CapacityType is not { } capacity || capacity == key.CapacityType)
        && (selector.Region is not { } region || string.Equals(region, key.Region, StringComparison.OrdinalIgnoreCase))
        && (selector.InstanceType is not { } type || string.Equals(type, key.InstanceType, StringComparison.OrdinalIgnoreCase))
        && (selector.InstanceFamily is not { } family || InstanceFamilies.Comparer.Equals(family, InstanceFamilies.Of(key.Cloud, key.InstanceType)));

    /// <summary>
    /// How narrow a selector is; a narrower override is applied after a broader one, so it has the last word.
    /// Naming an instance type is narrower than anything without one, then a family, a region, a capacity type,
    /// and a cloud: each part outweighs all the parts after it together.
    /// </summary>
    public static int Narrowness(this OverrideSelector selector) =>
        (selector.InstanceType is null ? 0 : 16)
        + (selector.InstanceFamily is null ? 0 : 8)
        + (selector.Region is null ? 0 : 4)
        + (selector.CapacityType is null ? 0 : 2)
        + (selector.Cloud is null ? 0 : 1);
}
