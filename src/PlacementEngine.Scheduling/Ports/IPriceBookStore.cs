using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// Durable, immutable, versioned price books. Versions only ever get added; exactly one is active once any exists.
/// Every write is one transaction: a failed import leaves the books and the active version as they were.
/// </summary>
public interface IPriceBookStore
{
    /// <summary>Adds the next version (1, 2, ...) and, when <paramref name="activate"/>, makes it the active one in the same transaction.</summary>
    Task<PriceBookInfo> CreateAsync(
        PriceCatalogData data,
        IReadOnlyList<PriceOverride> overrides,
        string createdBy,
        string comment,
        string source,
        bool activate,
        DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<PriceBookInfo>> ListAsync(CancellationToken cancellationToken);

    Task<StoredPriceBook?> GetAsync(long version, CancellationToken cancellationToken);

    /// <summary>Null while no version exists.</summary>
    Task<long?> GetActiveVersionAsync(CancellationToken cancellationToken);

    /// <summary>Makes an existing version the active one (activating an older one is the rollback). False when it does not exist.</summary>
    Task<bool> ActivateAsync(long version, string by, DateTimeOffset at, CancellationToken cancellationToken);
}
