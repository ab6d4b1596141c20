using System.Globalization;
using PlacementEngine.Cli.Output;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>Table views of "placectl pricing" results (diff has its own, <see cref="DiffView"/>).</summary>
internal static class PricingViews
{
    public static IReadOnlyList<Block> Imported(ImportOutcome outcome, string fileName)
    {
        if (outcome.DryRun)
        {
            return DryRun(outcome, fileName);
        }
        var book = outcome.Book ?? new PriceBookVersion();
        var blocks = new List<Block>
        {
            new LinesBlock([$"Imported {fileName} as price book {book.Version}{(book.Active ? " (active)" : " (not active; pricing activate " + book.Version + ")")}."]),
            new FieldsBlock(
            [
                new("Format", Display.Text(outcome.Format)),
                new("Rows read", Count(outcome.RowsRead)),
                new("Prices", Count(outcome.Prices)),
                new("Egress rates", Count(outcome.Egress)),
                new("Spot bands", Count(outcome.SpotBands)),
                new("Book prices", Count(book.PriceCount)),
                new("Overrides kept", Count(book.OverrideCount)),
                new("Source", Display.Text(book.Source)),
                new("Replaced", Display.Text(outcome.Replaces)),
            ]),
        };
        if (outcome.Notes.Count > 0)
        {
            blocks.Add(new LinesBlock(["Notes:", .. outcome.Notes.Select(n => $"  - {n}")]));
        }
        return blocks;
    }

    /// <summary>A dry run: what the file replaces, then the diff against the active version as "pricing diff" shows it.</summary>
    private static IReadOnlyList<Block> DryRun(ImportOutcome outcome, string fileName) =>
    [
        new LinesBlock([$"Dry run: {fileName} is valid; nothing was stored. It replaces {Display.Text(outcome.Replaces)}."]),
        .. DiffView.Build(outcome.Diff ?? new DiffPriceBooksResponse()),
    ];

    /// <summary>A change that made or activated a version: what happened, then the version.</summary>
    public static IReadOnlyList<Block> Changed(string what, PriceBookVersion book) =>
    [
        new LinesBlock([$"{what}: price book {book.Version} is {(book.Active ? "active" : "stored, not active")}."]),
        new FieldsBlock(
        [
            new("Version", book.Version.ToString(CultureInfo.InvariantCulture)),
            new("Source", Display.Text(book.Source)),
            new("Comment", Display.Text(book.Comment)),
            new("By", Display.Text(book.CreatedBy)),
            new("Prices", Count(book.PriceCount)),
            new("Overrides", Count(book.OverrideCount)),
        ]),
    ];

    public static IReadOnlyList<Block> Books(ListPriceBooksResponse response)
    {
        if (response.Books.Count == 0)
        {
            return [new LinesBlock(["No price books yet: the server prices with its fleet file until one is imported."])];
        }
        return
        [
            new TableBlock(
                null,
                ["", "VERSION", "CREATED", "BY", "PRICES", "OVERRIDES", "SOURCE", "COMMENT"],
                [.. response.Books.Select(b => (IReadOnlyList<string>)
                [
                    b.Active ? "*" : "", b.Version.ToString(CultureInfo.InvariantCulture), Display.Time(b.CreatedAt), Display.Text(b.CreatedBy),
                    Count(b.PriceCount), Count(b.OverrideCount), Display.Text(b.Source), Display.Text(b.Comment),
                ])]),
        ];
    }

    public static IReadOnlyList<Block> Overrides(ListOverridesResponse response)
    {
        var title = $"Overrides of price book {response.Version}";
        if (response.Overrides.Count == 0)
        {
            return [new LinesBlock([$"{title}: none."])];
        }
        return
        [
            new TableBlock(
                title,
                ["ID", "APPLIES TO", "ADJUSTMENT", "COMMENT", "BY", "AT"],
                [.. response.Overrides.Select(o => (IReadOnlyList<string>)
                [
                    o.Id, PricingDisplay.Selector(o.Selector), PricingDisplay.Adjustment(o), Display.Text(o.Comment), Display.Text(o.CreatedBy), Display.Time(o.CreatedAt),
                ])]),
        ];
    }

    public static IReadOnlyList<Block> Price(GetPriceResponse response) =>
    [
        new LinesBlock([$"{response.Cloud}:{response.Region}/{response.InstanceType} in price book {response.Version} ($ per node-hour):"]),
        new TableBlock(
            null,
            ["CAPACITY", "IMPORTED", "PRICE", "OVERRIDES"],
            [.. response.Prices.Select(p => (IReadOnlyList<string>)
            [
                Display.Capacity(p.CapacityType), Display.Dollars(p.ImportedPrice), Display.Dollars(p.HourlyPrice),
                p.AppliedOverrides.Count == 0 ? Display.None : string.Join(",", p.AppliedOverrides),
            ])]),
    ];

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
