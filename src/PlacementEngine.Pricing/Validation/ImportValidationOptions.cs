using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>How strictly an import is checked.</summary>
public sealed record ImportValidationOptions
{
    /// <summary>A new price more than this many times the active one for the same key is taken for a typo or a unit mistake.</summary>
    public const decimal LargeChangeFactor = 20m;

    /// <summary>Accept prices more than <see cref="LargeChangeFactor"/> times the active ones (placectl --allow-large-changes).</summary>
    public bool AllowLargeChanges { get; init; }

    /// <summary>
    /// An import that would remove more than this share of the active book's prices is refused unless
    /// <see cref="AllowRemovals"/>. A real refresh drops a few retired instance types (well under 1% between two
    /// catalog releases); a file cut short (head -n 20000) or one row removes most of the book and leaves pools
    /// unpriced. 5% leaves room for a refresh that retires a whole family while catching those mistakes.
    /// </summary>
    public const decimal MaxRemovedShare = 0.05m;

    /// <summary>Accept an import that removes more than <see cref="MaxRemovedShare"/> of the active prices (placectl --allow-removals).</summary>
    public bool AllowRemovals { get; init; }

    /// <summary>
    /// The fleet's pools as price keys, one per pool. An import that leaves one of them without the price the active book gives it
    /// is refused unless <see cref="AllowUnpricedPools"/>: an unpriced pool is silently never used.
    /// </summary>
    public IReadOnlyCollection<PriceKey> PoolKeys { get; init; } = [];

    /// <summary>Accept an import that leaves fleet pools unpriced (placectl --allow-unpriced-pools).</summary>
    public bool AllowUnpricedPools { get; init; }

    /// <summary>Accept prices below <see cref="PriceFloor.MinHourly"/>, zero included (placectl --allow-below-floor).</summary>
    public bool AllowBelowFloor { get; init; }

    /// <summary>The regions prices may name; the server's region table (the built-in one plus what the fleet adds).</summary>
    public RegionDirectory Regions { get; init; } = RegionDirectory.Default;
}
