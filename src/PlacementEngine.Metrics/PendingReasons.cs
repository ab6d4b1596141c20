using System.Collections.Immutable;

namespace PlacementEngine.Metrics;

/// <summary>
/// Pending jobs by reason as of the last cycle. Swapped whole, so a scrape never mixes two cycles. A reason
/// seen before but absent now is reported as zero, so graphs drop to zero instead of ending in a gap.
/// </summary>
internal sealed class PendingReasons
{
    private readonly Lock _gate = new();
    private ImmutableSortedDictionary<string, int> _current = ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal);

    public void Replace(IReadOnlyDictionary<string, int> pendingByReason)
    {
        ArgumentNullException.ThrowIfNull(pendingByReason);
        lock (_gate)
        {
            var next = _current.ToBuilder();
            foreach (var reason in _current.Keys)
            {
                next[reason] = 0;
            }
            foreach (var (reason, count) in pendingByReason)
            {
                next[reason] = count;
            }
            _current = next.ToImmutable();
        }
    }

    public IReadOnlyList<ScrapeSample> Samples()
    {
        var current = Volatile.Read(ref _current);
        return [.. current.Select(pending => new ScrapeSample([pending.Key], pending.Value))];
    }
}
