using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

/// <summary>Price books in memory with the store port's promises: versions from 1, the first one active, rollback by activation.</summary>
internal sealed class InMemoryPriceBookStore : IPriceBookStore
{
    private readonly object _gate = new();
    private readonly List<StoredPriceBook> _versions = [];
    private long? _active;

    public Task<PriceBookInfo> CreateAsync(
        PriceCatalogData data, IReadOnlyList<PriceOverride> overrides, string createdBy, string comment, string source, bool activate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var version = _versions.Count + 1L;
            _versions.Add(new StoredPriceBook(new PriceBookInfo(version, createdBy, at, comment, source, data.Prices.Count, overrides.Count, false), data, overrides.ToList()));
            if (activate || _active is null)
            {
                _active = version;
            }
            return Task.FromResult(Info(version));
        }
    }

    public Task<IReadOnlyList<PriceBookInfo>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PriceBookInfo>>(_versions.Select(v => Info(v.Info.Version)).Reverse().ToList());
        }
    }

    public Task<StoredPriceBook?> GetAsync(long version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Exists(version) ? _versions[(int)version - 1] with { Info = Info(version) } : null);
        }
    }

    public Task<long?> GetActiveVersionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_active);
        }
    }

    public Task<bool> ActivateAsync(long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Exists(version))
            {
                _active = version;
            }
            return Task.FromResult(Exists(version));
        }
    }

    private bool Exists(long version) => version >= 1 && version <= _versions.Count;

    private PriceBookInfo Info(long version) => _versions[(int)version - 1].Info with { Active = version == _active };
}
