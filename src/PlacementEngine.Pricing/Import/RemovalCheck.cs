using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Refuses an import that would remove more than <see cref="ImportValidationOptions.MaxRemovedShare"/> of the active
/// book's prices: a truncated or wrong file is otherwise accepted and leaves pools unpriced (see that constant for
/// why 5%).
/// </summary>
internal static class RemovalCheck
{
    public static string? Problem(PriceCatalogData? active, PriceCatalogData next, string replaces)
    {
        if (active is null || active.Prices.Count == 0)
        {
            return null;
        }
        var kept = next.Prices.Select(p => p.Key).ToHashSet();
        var removed = active.Prices.Count(p => !kept.Contains(p.Key));
        if (removed <= active.Prices.Count * ImportValidationOptions.MaxRemovedShare)
        {
            return null;
        }
        var share = (decimal)removed / active.Prices.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"this file would remove {removed} of the active book's {active.Prices.Count} prices ({share:P1}), more than {ImportValidationOptions.MaxRemovedShare:P0}: "
            + $"import with --allow-removals if that is right (--dry-run shows the diff). It replaces {replaces}; {next.Prices.Count} prices would be left, "
            + $"as a file cut short or for the wrong cloud leaves them");
    }
}
