using Google.Protobuf.Collections;
using PlacementEngine.Cli.Output;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>"pricing diff": changed, added and removed prices as tables, then the counts.</summary>
internal static class DiffView
{
    private static readonly string[] KeyHeaders = ["CLOUD", "REGION", "INSTANCE", "CAPACITY"];

    public static IReadOnlyList<Block> Build(DiffPriceBooksResponse diff)
    {
        var blocks = new List<Block>();
        Add(blocks, "Changed", diff.Changed, diff.ChangedCount, ["OLD", "NEW", "CHANGE"],
            c => [Display.Dollars(c.OldPrice), Display.Dollars(c.NewPrice), PricingDisplay.Percent(c.PercentChange)]);
        Add(blocks, "Added", diff.Added, diff.AddedCount, ["PRICE"], c => [Display.Dollars(c.NewPrice)]);
        Add(blocks, "Removed", diff.Removed, diff.RemovedCount, ["PRICE"], c => [Display.Dollars(c.OldPrice)]);
        blocks.Add(new LinesBlock([Summary(diff)]));
        return blocks;
    }

    /// <summary>"Price book 1 -> 3: 12 changed, 3 added, 0 removed; egress 0 changed; spot bands 0 changed."</summary>
    public static string Summary(DiffPriceBooksResponse diff)
    {
        var egress = diff.Egress ?? new TableChanges();
        var bands = diff.SpotBands ?? new TableChanges();
        // A dry run's version has no number yet (0).
        var to = diff.ToVersion == 0 ? "this import" : $"{diff.ToVersion}";
        return $"Price book {diff.FromVersion} -> {to}: "
            + $"{PricingViews.Count(diff.ChangedCount)} changed, {PricingViews.Count(diff.AddedCount)} added, {PricingViews.Count(diff.RemovedCount)} removed prices; "
            + $"egress rates {Table(egress)}; spot bands {Table(bands)}.";
    }

    private static void Add(
        List<Block> blocks,
        string title,
        RepeatedField<PriceChange> rows,
        int total,
        string[] headers,
        Func<PriceChange, string[]> values)
    {
        if (rows.Count == 0)
        {
            return;
        }
        blocks.Add(new TableBlock(
            $"{title} ({PricingViews.Count(total)})",
            [.. KeyHeaders, .. headers],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Cloud, r.Region, r.InstanceType, Display.Capacity(r.CapacityType), .. values(r)])]));
        if (total > rows.Count)
        {
            blocks.Add(new LinesBlock([$"... and {PricingViews.Count(total - rows.Count)} more {title.ToLowerInvariant()} (raise --limit, or -o json for the listed rows)"]));
        }
    }

    private static string Table(TableChanges changes) =>
        changes is { Added: 0, Removed: 0, Changed: 0 }
            ? "unchanged"
            : $"{changes.Changed} changed, {changes.Added} added, {changes.Removed} removed";
}
