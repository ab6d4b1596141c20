using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// Reads whole stored versions for the API: the active one's data to import against, a version's overrides to list.
/// Versions never change once stored, so the last one read is kept and reused while it is asked for again; a
/// book of 150,000 prices takes a noticeable time to read.
/// </summary>
internal sealed class StoredBookReader(IPriceBookStore store)
{
    private volatile StoredPriceBook? _last;

    /// <summary>Null while no version exists.</summary>
    public async Task<StoredPriceBook?> ActiveAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetActiveVersionAsync(cancellationToken).ConfigureAwait(false);
        return version is { } active ? await GetAsync(active, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<StoredPriceBook?> GetAsync(long version, CancellationToken cancellationToken)
    {
        if (_last is { } cached && cached.Info.Version == version)
        {
            return cached;
        }
        var loaded = await store.GetAsync(version, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            _last = loaded;
        }
        return loaded;
    }
}
