using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The active price book from the store, composed with its overrides. A refresh asks the store only for the
/// active version number and loads and composes the book only when that number changed, so the cycle can call
/// it every time at the cost of one small query. Until the store has a version, the fallback (such as the
/// fleet file's prices) is active. Thread-safe: readers see either the old book or the new one, never a mix.
/// </summary>
public sealed class StoredPriceSource(IPriceBookStore store, PriceBook fallback) : IPriceSource, IDisposable
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile Loaded _loaded = new(null, fallback);

    public PriceBook Active => _loaded.Book;

    /// <summary>The stored version <see cref="Active"/> was composed from; null while the fallback is active.</summary>
    public long? LoadedVersion => _loaded.Version;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // One refresh at a time: two callers seeing the same new version should not both load 88,000 rows.
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var active = await store.GetActiveVersionAsync(cancellationToken).ConfigureAwait(false);
            if (active is not { } version || version == _loaded.Version)
            {
                return;
            }
            var stored = await store.GetAsync(version, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"price book {version} is active but the store cannot find it");
            _loaded = new Loaded(version, PriceBookComposer.Compose(stored));
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    private sealed record Loaded(long? Version, PriceBook Book);
}
