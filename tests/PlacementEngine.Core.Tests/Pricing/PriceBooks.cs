using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Pricing;

/// <summary>Compact test data: keys written as "aws:us-east-1/p4d.24xlarge/on-demand", overrides by kind.</summary>
internal static class PriceBooks
{
    public static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static PriceKey Key(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var parts = text[(colon + 1)..].Split('/');
        Assert.True(CloudNames.TryParse(text[..colon], out var cloud));
        Assert.True(CapacityTypeNames.TryParse(parts[2], out var capacity));
        return new PriceKey(cloud, parts[0], parts[1], capacity);
    }

    public static PriceEntry Price(string key, decimal hourly) => new(Key(key), Money.Of(hourly));

    public static PriceOverride Percent(string id, decimal value, OverrideSelector? selector = null) =>
        new(id, selector ?? new OverrideSelector(), OverrideKind.Percentage, value, $"{id} comment", "admin", At);

    public static PriceOverride Absolute(string id, decimal value, OverrideSelector? selector = null) =>
        new(id, selector ?? new OverrideSelector(), OverrideKind.Absolute, value, $"{id} comment", "admin", At);

    public static StoredPriceBook Stored(long version, IReadOnlyList<PriceEntry> prices, params PriceOverride[] overrides) =>
        Stored(version, new PriceCatalogData(prices, [], []), overrides);

    public static StoredPriceBook Stored(long version, PriceCatalogData data, params PriceOverride[] overrides) =>
        new(new PriceBookInfo(version, "admin", At, "", "test", data.Prices.Count, overrides.Length, Active: true), data, overrides);

    public static Money Composed(StoredPriceBook book, string key)
    {
        Assert.True(PriceBookComposer.Compose(book).TryGetHourly(Key(key), out var price), $"no price for {key}");
        return price;
    }
}
