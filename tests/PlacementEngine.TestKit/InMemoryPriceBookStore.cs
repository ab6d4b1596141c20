using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.TestKit;

/// <summary>
/// A price book store in memory, with the port's promises (first version active, rollback by activation, a
/// duplicate key refused whole, times back in UTC), counting loads. The store conformance suite runs against it.
/// </summary>
public sealed class InMemoryPriceBookStore : IPriceBookStore
{
    private readonly object _gate = new();
    private readonly List<StoredPriceBook> _versions = [];
    private long? _active;

    public int Loads { get; private set; }

    public int ActiveVersionReads { get; private set; }

    public Task<PriceBookInfo> CreateAsync(
        PriceCatalogData data, IReadOnlyList<PriceOverride> overrides, string createdBy, string comment, string source, bool activate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDuplicated(data, overrides);
        lock (_gate)
        {
            var version = _versions.Count + 1L;
            var info = new PriceBookInfo(version, createdBy, at.ToUniversalTime(), comment, source, data.Prices.Count, overrides.Count, Active: false);
            _versions.Add(new StoredPriceBook(info, data, [.. overrides.Select(o => o with { CreatedAt = o.CreatedAt.ToUniversalTime() })]));
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
            Loads++;
            return Task.FromResult(Exists(version) ? _versions[(int)version - 1] with { Info = Info(version) } : null);
        }
    }

    public Task<long?> GetActiveVersionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ActiveVersionReads++;
            return Task.FromResult(_active);
        }
    }

    public Task<bool> ActivateAsync(long version, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!Exists(version))
            {
                return Task.FromResult(false);
            }
            _active = version;
            return Task.FromResult(true);
        }
    }

    /// <summary>The real stores' primary keys, as an error naming the first key given twice.</summary>
    private static void ThrowIfDuplicated(PriceCatalogData data, IReadOnlyList<PriceOverride> overrides)
    {
        var twice = data.Prices.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => $"price {g.Key}")
            .Concat(data.Egress.GroupBy(e => (e.From, e.To)).Where(g => g.Count() > 1).Select(g => $"egress {g.Key.From} -> {g.Key.To}"))
            .Concat(data.SpotBands.GroupBy(b => (b.Cloud, b.Region, b.InstanceType)).Where(g => g.Count() > 1)
                .Select(g => $"spot band {g.Key.Cloud.ToWire()}:{g.Key.Region}/{g.Key.InstanceType}"))
            .FirstOrDefault();
        if (twice is not null)
        {
            throw new ArgumentException($"{twice} appears more than once; nothing was stored", nameof(data));
        }
        if (overrides.GroupBy(o => o.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } id)
        {
            throw new ArgumentException($"override id '{id.Key}' appears more than once; nothing was stored", nameof(overrides));
        }
    }

    private bool Exists(long version) => version >= 1 && version <= _versions.Count;

    private PriceBookInfo Info(long version) => _versions[(int)version - 1].Info with { Active = version == _active };
}
