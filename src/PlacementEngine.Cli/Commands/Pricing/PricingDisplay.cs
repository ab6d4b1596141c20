using PlacementEngine.Cli.Output;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>Short text for pricing values in tables.</summary>
internal static class PricingDisplay
{
    public static CapacityType ParseCapacity(string? text) => text switch
    {
        "spot" => CapacityType.Spot,
        "on-demand" => CapacityType.OnDemand,
        "reserved" => CapacityType.Reserved,
        _ => CapacityType.Unspecified,
    };

    /// <summary>"+12.5%", "-20%"; "-" when there is no percentage (added, removed, or from zero).</summary>
    public static string Percent(string percent) =>
        percent.Length == 0 ? Display.None : percent.StartsWith('-') ? percent + "%" : "+" + percent + "%";

    /// <summary>"gcp europe-west4 a2-highgpu spot", or "everything" for an empty selector.</summary>
    public static string Selector(OverrideSelector? selector)
    {
        if (selector is null)
        {
            return "everything";
        }
        var parts = new[]
        {
            selector.Cloud,
            selector.Region,
            selector.InstanceFamily.Length > 0 ? $"family {selector.InstanceFamily}" : "",
            selector.InstanceType,
            selector.CapacityType == CapacityType.Unspecified ? "" : Display.Capacity(selector.CapacityType),
        }.Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "everything" : string.Join(' ', parts);
    }

    public static string Adjustment(PriceOverride value) => value.AdjustmentCase switch
    {
        PriceOverride.AdjustmentOneofCase.AbsolutePrice => $"= {Display.Dollars(value.AbsolutePrice)}/h",
        PriceOverride.AdjustmentOneofCase.Percent => Percent(value.Percent),
        _ => Display.None,
    };
}
