namespace PlacementEngine.Core;

/// <summary>
/// Turns a stored version into the book the scheduler prices with: the imported prices with the admin's
/// overrides applied. Egress rates and spot bands pass through unchanged; overrides only touch hourly prices.
/// <para>
/// Precedence: overrides apply from the broadest selector to the narrowest (<see cref="OverrideSelectors.Narrowness"/>),
/// and among equally narrow ones in creation order (the order they are stored in). An absolute override replaces
/// the price reached so far; a percentage multiplies it by (1 + value / 100), so percentages compound
/// (-10% then -5% is -14.5%). So a negotiated absolute price for an instance type is final against a cloud-wide
/// discount, while a narrower percentage (say, for spot only) still adjusts it; and the result does not depend on
/// the order in which overrides of different narrowness were created.
/// </para>
/// <para>
/// A price an override touched is rounded to a millionth of a dollar (as <see cref="Money.Rounded"/>) and never
/// goes below zero; a price no override matches is kept exactly as imported.
/// </para>
/// </summary>
public static class PriceBookComposer
{
    /// <summary>The composed book; its version is the stored version's.</summary>
    public static PriceBook Compose(StoredPriceBook book)
    {
        var overrides = InApplicationOrder(book.Overrides);
        var hourly = new Dictionary<PriceKey, Money>(book.Data.Prices.Count);
        foreach (var entry in book.Data.Prices)
        {
            hourly.Add(entry.Key, Apply(overrides, entry, applied: null));
        }
        var egress = book.Data.Egress.ToDictionary(e => (e.From, e.To), e => e.PerGb);
        var bands = book.Data.SpotBands.ToDictionary(b => (b.Cloud, b.Region, b.InstanceType), b => b.Band);
        return new PriceBook(book.Info.Version, hourly, egress, bands);
    }

    /// <summary>One price with the overrides that apply to it, to show an admin what an override does.</summary>
    public static ComposedPrice PriceOf(PriceEntry entry, IReadOnlyList<PriceOverride> overrides)
    {
        var applied = new List<string>();
        var hourly = Apply(InApplicationOrder(overrides), entry, applied);
        return new ComposedPrice(entry.Key, entry.Hourly, hourly, applied);
    }

    internal static PriceOverride[] InApplicationOrder(IReadOnlyList<PriceOverride> overrides) =>
        overrides
            .Select((o, index) => (Override: o, Index: index))
            .OrderBy(x => x.Override.Selector.Narrowness())
            .ThenBy(x => x.Index)
            .Select(x => x.Override)
            .ToArray();

    private static Money Apply(PriceOverride[] ordered, PriceEntry entry, List<string>? applied)
    {
        var price = entry.Hourly.Dollars;
        var touched = false;
        foreach (var candidate in ordered)
        {
            if (!candidate.Selector.Matches(entry.Key))
            {
                continue;
            }
            price = candidate.Kind switch
            {
                OverrideKind.Absolute => candidate.Value,
                OverrideKind.Percentage => price * (1m + (candidate.Value / 100m)),
                _ => throw new ArgumentOutOfRangeException(nameof(ordered), candidate.Kind, $"override '{candidate.Id}' has an unknown kind"),
            };
            touched = true;
            applied?.Add(candidate.Id);
        }
        // Validation keeps every step non-negative; the floor guards books stored before a rule tightened.
        return touched ? Money.Of(Math.Max(0m, price)).Rounded() : entry.Hourly;
    }
}
