namespace PlacementEngine.Metrics.Prometheus;

/// <summary>
/// A counter or gauge family whose samples are read at scrape time from a source of truth (the job store),
/// instead of being kept in memory by this process.
/// </summary>
internal sealed class CollectedFamily : MetricFamily
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<MetricSample>>> _collect;

    public CollectedFamily(
        MetricType type,
        string name,
        string help,
        IReadOnlyList<string> labelNames,
        Func<CancellationToken, Task<IReadOnlyList<MetricSample>>> collect)
        : base(name, help, type, labelNames)
    {
        if (type is not (MetricType.Counter or MetricType.Gauge))
        {
            throw new ArgumentException($"a collector produces a counter or a gauge, not a {type.ToWire()}", nameof(type));
        }
        _collect = collect ?? throw new ArgumentNullException(nameof(collect));
    }

    /// <exception cref="InvalidOperationException">
    /// The collector reported a series twice or a negative counter: exposing either would mislead every query.
    /// </exception>
    internal override async ValueTask<IReadOnlyList<SampleLine>> CollectAsync(CancellationToken cancellationToken)
    {
        var samples = await _collect(cancellationToken).ConfigureAwait(false);
        var bySeries = new SortedDictionary<LabelValues, MetricValue>(LabelValues.Order);
        foreach (var sample in samples)
        {
            var labels = LabelValues.Of(sample.LabelValues, LabelNames);
            if (Type == MetricType.Counter && !sample.Value.IsNonNegativeNumber)
            {
                throw new InvalidOperationException($"{Name}{labels}: a counter cannot be {sample.Value}");
            }
            if (!bySeries.TryAdd(labels, sample.Value))
            {
                throw new InvalidOperationException($"{Name}{labels} was reported twice in one scrape");
            }
        }
        return [.. bySeries.Select(series => new SampleLine("", series.Key, series.Value))];
    }
}
