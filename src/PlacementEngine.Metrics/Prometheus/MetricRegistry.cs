using System.Text;

namespace PlacementEngine.Metrics.Prometheus;

/// <summary>
/// The families one /metrics endpoint serves. Registration and updates are thread-safe; output is ordered by
/// family name, then by label values, so equal state always produces equal text.
/// </summary>
public sealed class MetricRegistry
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);

    public Counter AddCounter(string name, string help, params string[] labelNames) =>
        Add(new Counter(name, help, labelNames));

    public Gauge AddGauge(string name, string help, params string[] labelNames) =>
        Add(new Gauge(name, help, labelNames));

    /// <param name="upperBounds">Finite, strictly increasing bucket bounds; the +Inf bucket is always added.</param>
    public Histogram AddHistogram(string name, string help, IReadOnlyList<double> upperBounds, params string[] labelNames) =>
        Add(new Histogram(name, help, upperBounds, labelNames));

    /// <summary>
    /// A counter or gauge family read from <paramref name="collect"/> at every scrape. The collector returns
    /// each series once; label values follow <paramref name="labelNames"/>.
    /// </summary>
    public void AddCollector(
        MetricType type,
        string name,
        string help,
        IReadOnlyList<string> labelNames,
        Func<CancellationToken, Task<IReadOnlyList<MetricSample>>> collect) =>
        Add(new CollectedFamily(type, name, help, labelNames, collect));

    /// <summary>
    /// Writes every family. All collectors run before the first character is written, so a failing collector
    /// fails the scrape instead of leaving half an exposition behind.
    /// </summary>
    public async Task WriteAsync(TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = await RenderAsync(cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> ScrapeAsync(CancellationToken cancellationToken) =>
        (await RenderAsync(cancellationToken).ConfigureAwait(false)).ToString();

    private async Task<StringBuilder> RenderAsync(CancellationToken cancellationToken)
    {
        MetricFamily[] families;
        lock (_gate)
        {
            families = [.. _families.Values];
        }
        var output = new StringBuilder(4096);
        foreach (var family in families)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lines = await family.CollectAsync(cancellationToken).ConfigureAwait(false);
            ExpositionWriter.Append(output, family, lines);
        }
        return output;
    }

    /// <summary>
    /// Refuses a family whose names overlap another's: a gauge "x_count" next to a histogram "x" would give
    /// Prometheus two meanings for one series.
    /// </summary>
    private TFamily Add<TFamily>(TFamily family)
        where TFamily : MetricFamily
    {
        lock (_gate)
        {
            var clash = family.SampleNames.FirstOrDefault(_takenNames.Contains);
            if (clash is not null)
            {
                throw new ArgumentException($"metric '{family.Name}' clashes with a registered metric over the name '{clash}'", nameof(family));
            }
            _takenNames.UnionWith(family.SampleNames);
            _families.Add(family.Name, family);
        }
        return family;
    }
}
