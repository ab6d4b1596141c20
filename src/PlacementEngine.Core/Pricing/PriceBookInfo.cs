namespace PlacementEngine.Core;

/// <summary>What is known of one immutable price book version besides its prices.</summary>
/// <param name="Source">Where its prices came from, e.g. "import skypilot-csv gcp_vms.csv" or "override set".</param>
public sealed record PriceBookInfo(
    long Version,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string Comment,
    string Source,
    int PriceCount,
    int OverrideCount,
    bool Active);

/// <summary>One stored version: its imported data, its overrides, and what is known of it.</summary>
public sealed record StoredPriceBook(PriceBookInfo Info, PriceCatalogData Data, IReadOnlyList<PriceOverride> Overrides);
