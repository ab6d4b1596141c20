using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// What admins can do with price books: import, override, list, diff, activate (roll back) and look a price up.
/// Every change is a new immutable version; nothing stored is ever edited. Bad requests come back as errors
/// naming the field and leave the books, and the active version, exactly as they were.
/// Authorisation (admins only) is the API's concern.
/// </summary>
public sealed partial class PriceBookService(IPriceBookStore store, TimeProvider time, AsyncSignal? cycleTrigger = null) : IDisposable
{
    // Each change reads the active version and writes the next; one at a time per process, so two admins'
    // changes through this server do not overwrite each other's overrides.
    private readonly SemaphoreSlim _changeGate = new(1, 1);
    private volatile StoredPriceBook? _lastLoaded;

    /// <summary>
    /// Stores <paramref name="data"/> as the next version with the active version's overrides carried over, so
    /// negotiated discounts survive a refresh of list prices.
    /// </summary>
    public async Task<PriceBookResult<PriceBookInfo>> ImportAsync(
        PriceCatalogData data, string by, string comment, string source, bool activate, CancellationToken cancellationToken)
    {
        var errors = PriceCatalogValidator.Validate(data).ToList();
        RequireWho(by, "created_by", errors);
        if (errors.Count > 0)
        {
            return Fail<PriceBookInfo>(PriceBookError.Invalid(errors));
        }
        return await UnderChangeGateAsync(async () =>
        {
            var active = await LoadActiveAsync(cancellationToken).ConfigureAwait(false);
            var info = await store.CreateAsync(data, active?.Overrides ?? [], by.Trim(), comment, source, activate, time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            return Activated(info);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Newest first.</summary>
    public Task<IReadOnlyList<PriceBookInfo>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>What changes for the scheduler when <paramref name="to"/> replaces <paramref name="from"/>, overrides applied.</summary>
    public async Task<PriceBookResult<PriceBookDiff>> DiffAsync(long from, long to, CancellationToken cancellationToken)
    {
        var older = await LoadAsync(from, cancellationToken).ConfigureAwait(false);
        var newer = from == to ? older : await LoadAsync(to, cancellationToken).ConfigureAwait(false);
        if (older is null || newer is null)
        {
            return Fail<PriceBookDiff>(PriceBookError.NotFound($"price book {(older is null ? from : to)} does not exist"));
        }
        return PriceBookResult.Ok(PriceBookDiff.Compute(older, newer));
    }

    /// <summary>Makes <paramref name="version"/> the active one; activating an older version is the rollback.</summary>
    public async Task<PriceBookResult<PriceBookInfo>> ActivateAsync(long version, string by, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        RequireWho(by, "activated_by", errors);
        if (errors.Count > 0)
        {
            return Fail<PriceBookInfo>(PriceBookError.Invalid(errors));
        }
        return await UnderChangeGateAsync(async () =>
        {
            if (!await store.ActivateAsync(version, by.Trim(), time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                return Fail<PriceBookInfo>(PriceBookError.NotFound($"price book {version} does not exist"));
            }
            var books = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            return Activated(books.Single(b => b.Version == version));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The active book's prices for one instance type in one region (names case-insensitive), imported and composed.</summary>
    public async Task<PriceBookResult<InstancePrices>> GetPriceAsync(Cloud cloud, string region, string instanceType, CancellationToken cancellationToken)
    {
        var active = await LoadActiveAsync(cancellationToken).ConfigureAwait(false);
        if (active is null)
        {
            return Fail<InstancePrices>(PriceBookError.FailedPrecondition("no price book is active yet; import prices first"));
        }
        var prices = active.Data.Prices
            .Where(p => p.Key.Cloud == cloud
                && string.Equals(p.Key.Region, region, StringComparison.OrdinalIgnoreCase)
                && string.Equals(p.Key.InstanceType, instanceType, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key.CapacityType)
            .Select(p => PriceBookComposer.PriceOf(p, active.Overrides))
            .ToList();
        return prices.Count == 0
            ? Fail<InstancePrices>(PriceBookError.NotFound($"price book {active.Info.Version} has no price for {cloud.ToWire()}:{region}/{instanceType}"))
            : PriceBookResult.Ok(new InstancePrices(active.Info.Version, prices));
    }

    public void Dispose() => _changeGate.Dispose();

    private static PriceBookResult<T> Fail<T>(PriceBookError error) => PriceBookResult.Fail<T>(error);

    private static void RequireWho(string? by, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            errors.Add(new(field, "who makes the change is required"));
        }
    }

    /// <summary>A new active version counts from the scheduler's next cycle; wake it so that comes now rather than at the next tick.</summary>
    private PriceBookResult<PriceBookInfo> Activated(PriceBookInfo info)
    {
        if (info.Active)
        {
            cycleTrigger?.Set();
        }
        return PriceBookResult.Ok(info);
    }

    private async Task<PriceBookResult<T>> UnderChangeGateAsync<T>(Func<Task<PriceBookResult<T>>> change, CancellationToken cancellationToken)
    {
        await _changeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await change().ConfigureAwait(false);
        }
        finally
        {
            _changeGate.Release();
        }
    }

    /// <summary>The active version as stored (data before overrides, and its overrides); null while no version exists.</summary>
    public async Task<StoredPriceBook?> LoadActiveAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetActiveVersionAsync(cancellationToken).ConfigureAwait(false);
        return version is { } active ? await LoadAsync(active, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// A version as stored; null when it does not exist. Versions never change once stored, so the last one loaded
    /// is reused as is: it is usually the active one, which every import, override change and override listing starts
    /// from, and a book of 150,000 prices takes a noticeable time to read. The reused Info may show an out-of-date
    /// Active flag, which no caller reads.
    /// </summary>
    public async Task<StoredPriceBook?> LoadAsync(long version, CancellationToken cancellationToken)
    {
        if (_lastLoaded is { } cached && cached.Info.Version == version)
        {
            return cached;
        }
        var loaded = await store.GetAsync(version, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            _lastLoaded = loaded;
        }
        return loaded;
    }
}
