using System.Globalization;
using Grpc.Core;
using PlacementEngine.Core;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// A SetOverride request as a core override, with every malformed field reported at once. The range checks
/// (percentages, absolute prices, ids) are the core validator's, applied by the price book service.
/// </summary>
internal static class OverrideRequestMapping
{
    public static PriceOverride ToCore(V1.PriceOverride? request, string createdBy)
    {
        if (request is null)
        {
            throw Rpc.Error(StatusCode.InvalidArgument, "override: the override is required");
        }
        var errors = new List<string>();
        var selector = request.Selector ?? new V1.OverrideSelector();
        Cloud? cloud = null;
        if (selector.Cloud.Length > 0)
        {
            if (CloudNames.TryParse(selector.Cloud, out var parsed))
            {
                cloud = parsed;
            }
            else
            {
                errors.Add($"override.selector.cloud: '{selector.Cloud}' is not a cloud; use aws, gcp, azure or onprem");
            }
        }
        var capacity = Capacity(selector.CapacityType, errors);
        var (kind, value) = Adjustment(request, errors);
        if (errors.Count > 0)
        {
            throw Rpc.Error(StatusCode.InvalidArgument, string.Join("; ", errors));
        }
        return new PriceOverride(
            request.Id.Trim(),
            new OverrideSelector(cloud, Optional(selector.Region), Optional(selector.InstanceFamily), Optional(selector.InstanceType), capacity),
            kind,
            value,
            request.Comment.Trim(),
            createdBy,
            default);
    }

    private static (OverrideKind Kind, decimal Value) Adjustment(V1.PriceOverride request, List<string> errors)
    {
        var (kind, field, text) = request.AdjustmentCase switch
        {
            V1.PriceOverride.AdjustmentOneofCase.AbsolutePrice => (OverrideKind.Absolute, "override.absolute_price", request.AbsolutePrice),
            V1.PriceOverride.AdjustmentOneofCase.Percent => (OverrideKind.Percentage, "override.percent", request.Percent),
            _ => (OverrideKind.Absolute, "override", (string?)null),
        };
        if (text is null)
        {
            errors.Add("override: give absolute_price (dollars per node-hour) or percent");
            return (kind, 0m);
        }
        var trimmed = kind == OverrideKind.Absolute ? text.Trim().TrimStart('$') : text.Trim().TrimEnd('%');
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add($"{field}: '{text}' is not a decimal number");
        }
        return (kind, value);
    }

    /// <summary>UNSPECIFIED is "every capacity type" in a selector.</summary>
    private static CapacityType? Capacity(V1.CapacityType type, List<string> errors)
    {
        switch (type)
        {
            case V1.CapacityType.Unspecified:
                return null;
            case V1.CapacityType.Spot:
                return CapacityType.Spot;
            case V1.CapacityType.OnDemand:
                return CapacityType.OnDemand;
            case V1.CapacityType.Reserved:
                return CapacityType.Reserved;
            default:
                errors.Add($"override.selector.capacity_type: {(int)type} is not a capacity type; use SPOT, ON_DEMAND or RESERVED, or leave it unspecified for all");
                return null;
        }
    }

    /// <summary>Empty means "any"; spaces are kept so the core validator can name them.</summary>
    private static string? Optional(string text) => text.Length == 0 ? null : text;
}
