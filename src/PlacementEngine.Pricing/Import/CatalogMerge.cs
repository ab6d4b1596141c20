using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>Applies an accepted import to the active book's data, giving the complete data of the next version.</summary>
internal static class CatalogMerge
{
    /// <summary>Kept active entries stay in their order and the imported ones follow, so the result is deterministic.</summary>
    public static PriceCatalogData Apply(PriceCatalogData? active, PriceCatalogData imported, ImportScope scope)
    {
        if (active is null)
        {
            return imported;
        }
        var prices = Merge(active.Prices, imported.Prices, scope.Prices, p => p.Key, p => p.Key.Cloud);
        var egress = Merge(active.Egress, imported.Egress, scope.Egress, e => (e.From, e.To), e => e.From.Cloud);
        var bands = Merge(active.SpotBands, imported.SpotBands, scope.SpotBands, b => (b.Cloud, b.Region, b.InstanceType), b => b.Cloud);
        return new PriceCatalogData(prices, egress, bands);
    }

    private static List<T> Merge<T, TKey>(
        IReadOnlyList<T> active,
        IReadOnlyList<T> imported,
        TableScope scope,
        Func<T, TKey> keyOf,
        Func<T, Cloud> cloudOf)
        where TKey : notnull
    {
        var importedKeys = imported.Select(keyOf).ToHashSet();
        bool Replaced(T entry) => scope.Mode switch
        {
            ReplaceMode.All => true,
            ReplaceMode.Cloud => cloudOf(entry) == scope.Cloud,
            _ => importedKeys.Contains(keyOf(entry)),
        };
        var merged = new List<T>(active.Count + imported.Count);
        merged.AddRange(active.Where(e => !Replaced(e)));
        merged.AddRange(imported);
        return merged;
    }
}
