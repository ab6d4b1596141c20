using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// What an override would do to the book it applies to: one that matches nothing is a typo in its selector, and
/// one that makes prices (nearly) free makes the solver pile jobs onto those pools.
/// </summary>
internal static class OverrideEffectCheck
{
    public static FieldError? Problem(StoredPriceBook active, IReadOnlyList<PriceOverride> overrides, PriceOverride change, bool allowBelowFloor)
    {
        var matched = active.Data.Prices.Where(p => change.Selector.Matches(p.Key)).Select(p => p.Key).ToList();
        if (matched.Count == 0)
        {
            return new FieldError("override.selector",
                $"{Describe(change.Selector)} matches no price in the active price book {active.Info.Version}; check the cloud, region, family, instance type and capacity type");
        }
        if (allowBelowFloor)
        {
            return null;
        }
        var before = PriceBookComposer.Compose(active);
        var after = PriceBookComposer.Compose(active with { Overrides = overrides });
        var lowered = matched
            .Where(key => after.TryGetHourly(key, out var price) && price.Dollars < PriceFloor.MinHourly
                && before.TryGetHourly(key, out var old) && old.Dollars >= PriceFloor.MinHourly)
            .ToList();
        if (lowered.Count == 0)
        {
            return null;
        }
        after.TryGetHourly(lowered[0], out var example);
        return new FieldError("override.value", string.Create(CultureInfo.InvariantCulture,
            $"the override would bring {lowered.Count} prices below the floor of {PriceFloor.MinHourly} dollars per node-hour (e.g. {lowered[0]} to {example.Dollars}), so those pools would look free; pass --allow-below-floor (allow_below_floor) if that is right"));
    }

    private static string Describe(OverrideSelector selector)
    {
        var parts = new List<string>();
        if (selector.Cloud is { } cloud)
        {
            parts.Add($"cloud={cloud.ToWire()}");
        }
        Add("region", selector.Region);
        Add("instance_family", selector.InstanceFamily);
        Add("instance_type", selector.InstanceType);
        if (selector.CapacityType is { } capacity)
        {
            parts.Add($"capacity_type={capacity.ToWire()}");
        }
        return parts.Count == 0 ? "the selector (empty: every price)" : $"the selector {string.Join(' ', parts)}";

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={value}");
            }
        }
    }
}
