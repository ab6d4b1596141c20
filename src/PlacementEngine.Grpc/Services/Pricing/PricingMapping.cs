using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>Price books, overrides and prices as placement.v1 shows them. Money goes out as decimal strings.</summary>
internal static class PricingMapping
{
    public static V1.PriceBookVersion ToProto(this PriceBookInfo info) => new()
    {
        Version = info.Version,
        CreatedBy = info.CreatedBy,
        CreatedAt = Timestamp.FromDateTimeOffset(info.CreatedAt),
        Comment = info.Comment,
        Source = info.Source,
        PriceCount = info.PriceCount,
        OverrideCount = info.OverrideCount,
        Active = info.Active,
    };

    public static V1.PriceOverride ToProto(this PriceOverride value)
    {
        var proto = new V1.PriceOverride
        {
            Id = value.Id,
            Selector = value.Selector.ToProto(),
            Comment = value.Comment,
            CreatedBy = value.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(value.CreatedAt),
        };
        var amount = Plain(value.Value);
        if (value.Kind == OverrideKind.Absolute)
        {
            proto.AbsolutePrice = amount;
        }
        else
        {
            proto.Percent = amount;
        }
        return proto;
    }

    public static V1.GetPriceResponse ToProto(this InstancePrices prices, Cloud cloud, string region, string instanceType) => new()
    {
        Version = prices.Version,
        Cloud = cloud.ToWire(),
        Region = region,
        InstanceType = instanceType,
        Prices =
        {
            prices.Prices.Select(p => new V1.ComposedPrice
            {
                CapacityType = p.Key.CapacityType.ToProto(),
                ImportedPrice = p.Imported.ToString(),
                HourlyPrice = p.Hourly.ToString(),
                AppliedOverrides = { p.AppliedOverrideIds },
            }),
        },
    };

    /// <param name="maxRows">Rows listed per list; the counts still cover every row.</param>
    public static V1.DiffPriceBooksResponse ToProto(this PriceBookDiff diff, int maxRows) => new()
    {
        FromVersion = diff.FromVersion,
        ToVersion = diff.ToVersion,
        Added = { diff.Added.Take(maxRows).Select(a => Change(a.Key, null, a.Hourly, null)) },
        Removed = { diff.Removed.Take(maxRows).Select(r => Change(r.Key, r.Hourly, null, null)) },
        Changed = { diff.Changed.Take(maxRows).Select(c => Change(c.Key, c.Old, c.New, c.PercentChange)) },
        AddedCount = diff.Added.Count,
        RemovedCount = diff.Removed.Count,
        ChangedCount = diff.Changed.Count,
        Egress = diff.Egress.ToProto(),
        SpotBands = diff.SpotBands.ToProto(),
    };

    public static Cloud ParseCloud(string text, string field) =>
        CloudNames.TryParse(text, out var cloud)
            ? cloud
            : throw Rpc.Error(StatusCode.InvalidArgument, $"{field}: '{text}' is not a cloud; use aws, gcp, azure or onprem");

    private static V1.OverrideSelector ToProto(this OverrideSelector selector) => new()
    {
        Cloud = selector.Cloud?.ToWire() ?? "",
        Region = selector.Region ?? "",
        InstanceFamily = selector.InstanceFamily ?? "",
        InstanceType = selector.InstanceType ?? "",
        CapacityType = selector.CapacityType?.ToProto() ?? V1.CapacityType.Unspecified,
    };

    private static V1.TableChanges ToProto(this TableChangeCounts counts) => new()
    {
        Added = counts.Added,
        Removed = counts.Removed,
        Changed = counts.Changed,
    };

    private static V1.PriceChange Change(PriceKey key, Money? old, Money? @new, decimal? percent) => new()
    {
        Cloud = key.Cloud.ToWire(),
        Region = key.Region,
        InstanceType = key.InstanceType,
        CapacityType = key.CapacityType.ToProto(),
        OldPrice = old?.ToString() ?? "",
        NewPrice = @new?.ToString() ?? "",
        PercentChange = percent is { } p ? Plain(p) : "",
    };

    /// <summary>A decimal as written by a person: invariant, no exponent, no trailing zeros ("-15", "12.5").</summary>
    private static string Plain(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
