using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>Refuses an import that takes away the price of a fleet pool the active book prices: the scheduler would silently stop using it.</summary>
internal static class UnpricedPoolCheck
{
    private const int NamedPools = 5;

    public static string? Problem(PriceCatalogData? active, PriceCatalogData next, IReadOnlyCollection<PriceKey> poolKeys)
    {
        if (active is null || poolKeys.Count == 0)
        {
            return null;
        }
        var before = active.Prices.Select(p => p.Key).ToHashSet();
        var after = next.Prices.Select(p => p.Key).ToHashSet();
        var lostPools = poolKeys.Count(k => before.Contains(k) && !after.Contains(k));
        if (lostPools == 0)
        {
            return null;
        }
        var lost = poolKeys.Where(k => before.Contains(k) && !after.Contains(k)).Distinct().ToList();
        var named = string.Join(", ", lost.Take(NamedPools));
        var more = lost.Count > NamedPools ? $" and {lost.Count - NamedPools} more" : "";
        return $"this file would take the price away from {lostPools} of the fleet's {poolKeys.Count} pools, so the scheduler would stop using them: "
            + $"import with --allow-unpriced-pools if that is right. Their prices: {named}{more}";
    }
}
