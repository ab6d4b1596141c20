namespace PlacementEngine.Metrics.Prometheus;

/// <summary>A named metric with a fixed list of label names: one HELP and TYPE block in the exposition.</summary>
public abstract class MetricFamily
{
    private readonly string[] _labelNames;

    private protected MetricFamily(string name, string help, MetricType type, IReadOnlyList<string> labelNames)
    {
        NameRules.ValidateMetricName(name);
        NameRules.ValidateLabelNames(labelNames, type);
        // A family without HELP is legal but promtool lints it, and an operator reading /metrics has nothing to go on.
        if (string.IsNullOrWhiteSpace(help))
        {
            throw new ArgumentException($"metric '{name}' needs help text", nameof(help));
        }
        Name = name;
        Help = help;
        Type = type;
        _labelNames = [.. labelNames];
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type { get; }

    public IReadOnlyList<string> LabelNames => _labelNames;

    /// <summary>Every name this family's lines use; two families may not share any.</summary>
    internal virtual IEnumerable<string> SampleNames => [Name];

    /// <summary>The current lines, children in <see cref="LabelValues.Order"/>.</summary>
    internal abstract ValueTask<IReadOnlyList<SampleLine>> CollectAsync(CancellationToken cancellationToken);
}
