namespace PlacementEngine.Core;

/// <summary>
/// What changes for the scheduler when <see cref="ToVersion"/> replaces <see cref="FromVersion"/>: composed hourly
/// prices (overrides applied) added, removed and changed, each list sorted by <see cref="PriceKeyOrder"/>, and
/// how many egress rates and spot bands differ. Equal amounts at different scales (1.5 and 1.50) are no change.
/// </summary>
public sealed record PriceBookDiff(
    long FromVersion,
    long ToVersion,
    IReadOnlyList<PriceAdded> Added,
    IReadOnlyList<PriceRemoved> Removed,
    IReadOnlyList<PriceChanged> Changed,
    TableChangeCounts Egress,
    TableChangeCounts SpotBands)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && Egress.IsEmpty && SpotBands.IsEmpty;

    /// <summary>
    /// Compares two stored versions as the scheduler would see them. Takes stored versions rather than composed
    /// books because a <see cref="PriceBook"/> looks up egress and bands but does not list them.
    /// </summary>
    public static PriceBookDiff Compute(StoredPriceBook from, StoredPriceBook to)
    {
        var (added, removed, changed) = ComparePrices(PriceBookComposer.Compose(from).Prices, PriceBookComposer.Compose(to).Prices);
        return new PriceBookDiff(
            from.Info.Version,
            to.Info.Version,
            added,
            removed,
            changed,
            CountChanges(from.Data.Egress, to.Data.Egress, e => (e.From, e.To), e => e.PerGb),
            CountChanges(from.Data.SpotBands, to.Data.SpotBands, b => (b.Cloud, b.Region, b.InstanceType), b => b.Band));
    }

    /// <summary>(new - old) / old in percent, rounded to 0.01; null when there is nothing to divide by.</summary>
    public static decimal? PercentChange(Money old, Money @new) =>
        old.Dollars == 0m ? null : decimal.Round((@new.Dollars - old.Dollars) / old.Dollars * 100m, 2, MidpointRounding.AwayFromZero);

    private static (List<PriceAdded>, List<PriceRemoved>, List<PriceChanged>) ComparePrices(
        IReadOnlyDictionary<PriceKey, Money> from,
        IReadOnlyDictionary<PriceKey, Money> to)
    {
        var added = new List<PriceAdded>();
        var changed = new List<PriceChanged>();
        foreach (var (key, price) in to)
        {
            if (!from.TryGetValue(key, out var old))
            {
                added.Add(new(key, price));
            }
            else if (old != price)
            {
                changed.Add(new(key, old, price, PercentChange(old, price)));
            }
        }
        var removed = from.Where(p => !to.ContainsKey(p.Key)).Select(p => new PriceRemoved(p.Key, p.Value)).ToList();

        added.Sort((a, b) => PriceKeyOrder.Instance.Compare(a.Key, b.Key));
        removed.Sort((a, b) => PriceKeyOrder.Instance.Compare(a.Key, b.Key));
        changed.Sort((a, b) => PriceKeyOrder.Instance.Compare(a.Key, b.Key));
        return (added, removed, changed);
    }

    private static TableChangeCounts CountChanges<TRow, TKey, TValue>(
        IReadOnlyList<TRow> from,
        IReadOnlyList<TRow> to,
        Func<TRow, TKey> key,
        Func<TRow, TValue> value)
        where TKey : notnull
    {
        var before = new Dictionary<TKey, TValue>(from.Count);
        foreach (var row in from)
        {
            before[key(row)] = value(row);
        }
        int added = 0, changed = 0, kept = 0;
        foreach (var row in to)
        {
            if (!before.TryGetValue(key(row), out var old))
            {
                added++;
            }
            else
            {
                kept++;
                if (!EqualityComparer<TValue>.Default.Equals(old, value(row)))
                {
                    changed++;
                }
            }
        }
        return new TableChangeCounts(added, before.Count - kept, changed);
    }
}
