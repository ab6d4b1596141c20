using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

/// <summary>Catalogs and overrides with awkward values, and exact text forms to compare them by (scale and offset included).</summary>
public static class PriceBookTestData
{
    public static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static PriceKey Key(Cloud cloud, string region, string type, CapacityType capacity) => new(cloud, region, type, capacity);

    /// <summary>Trailing zeros, a tiny amount, a zero, a region in capitals, egress across clouds and every band.</summary>
    public static PriceCatalogData FullCatalog(decimal p4dOnDemand = 32.7726m) => new(
        [
            new(Key(Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.OnDemand), Money.Of(p4dOnDemand)),
            new(Key(Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.Spot), Money.Of(12.5000m)),
            new(Key(Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.Reserved), Money.Of(0.000100m)),
            new(Key(Cloud.Gcp, "europe-west4", "a2-highgpu-8g", CapacityType.OnDemand), Money.Of(29.3876m)),
            new(Key(Cloud.Azure, "WestEurope", "Standard_ND96asr_v4", CapacityType.Spot), Money.Of(7.40m)),
            new(Key(Cloud.OnPrem, "dc-1", "dgx-a100", CapacityType.Reserved), Money.Of(0m)),
        ],
        [
            new(new RegionId(Cloud.Aws, "us-east-1"), new RegionId(Cloud.Gcp, "europe-west4"), Money.Of(0.0900m)),
            new(new RegionId(Cloud.Azure, "WestEurope"), new RegionId(Cloud.Aws, "us-east-1"), Money.Of(0.02m)),
        ],
        [
            new(Cloud.Aws, "us-east-1", "p4d.24xlarge", 0),
            new(Cloud.Aws, "us-east-1", "p5.48xlarge", 4),
            new(Cloud.Gcp, "europe-west4", "a2-highgpu-8g", 2),
        ]);

    /// <summary>One override with every selector part, one with none, one in between; times not in UTC.</summary>
    public static IReadOnlyList<PriceOverride> FullOverrides() =>
    [
        new("edp-2026", new OverrideSelector(Cloud: Cloud.Aws), OverrideKind.Percentage, -12.50m, "enterprise discount", "alice",
            new DateTimeOffset(2026, 1, 4, 18, 30, 15, 250, TimeSpan.FromHours(2))),
        new("p4d-reserved", new OverrideSelector(Cloud.Aws, "us-east-1", "p4d", "p4d.24xlarge", CapacityType.Reserved), OverrideKind.Absolute, 20.000m, "", "bob",
            new DateTimeOffset(2026, 1, 4, 7, 0, 0, 1, TimeSpan.FromHours(-5))),
        new("everything", new OverrideSelector(), OverrideKind.Percentage, 3m, "inflation", "carol", At),
    ];

    public static PriceCatalogData Single(decimal hourly = 1m) =>
        new([new(Key(Cloud.Aws, "us-east-1", "p5.48xlarge", CapacityType.OnDemand), Money.Of(hourly))], [], []);

    public static IEnumerable<string> Text(PriceCatalogData data) =>
        data.Prices.Select(p => $"price {p.Key} {Dollars(p.Hourly)}")
            .Concat(data.Egress.Select(e => $"egress {e.From} {e.To} {Dollars(e.PerGb)}"))
            .Concat(data.SpotBands.Select(b => $"band {b.Cloud}:{b.Region}/{b.InstanceType} {b.Band}"))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> Text(IReadOnlyList<PriceOverride> overrides) =>
        overrides.Select(o => string.Join(" | ",
            o.Id,
            o.Selector.ToString(),
            o.Kind,
            o.Value.ToString(CultureInfo.InvariantCulture),
            o.Comment,
            o.CreatedBy,
            o.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));

    private static string Dollars(Money money) => money.Dollars.ToString(CultureInfo.InvariantCulture);
}
