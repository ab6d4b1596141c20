namespace PlacementEngine.Metrics.Prometheus;

/// <summary>A value that goes up and down (queue length, free nodes).</summary>
public sealed class Gauge : MetricFamily
{
    private readonly LabeledChildren<GaugeChild> _children;

    internal Gauge(string name, string help, IReadOnlyList<string> labelNames)
        : base(name, help, MetricType.Gauge, labelNames)
    {
        _children = new LabeledChildren<GaugeChild>(LabelNames, static () => new GaugeChild());
    }

    /// <summary>The child for these label values, in the order of <see cref="MetricFamily.LabelNames"/>.</summary>
    public GaugeChild WithLabels(params string[] labelValues) => _children.Get(labelValues);

    /// <summary>For a gauge without labels.</summary>
    public void Set(double value) => _children.Unlabeled().Set(value);

    internal override ValueTask<IReadOnlyList<SampleLine>> CollectAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SampleLine>>(
            [.. _children.InOrder().Select(child => new SampleLine("", child.Key, child.Value.Value))]);
}

public sealed class GaugeChild
{
    private readonly Lock _gate = new();
    private double _value;

    internal GaugeChild()
    {
    }

    public double Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    public void Set(double value)
    {
        lock (_gate)
        {
            _value = value;
        }
    }

    public void Inc(double by = 1d)
    {
        lock (_gate)
        {
            _value += by;
        }
    }

    public void Dec(double by = 1d) => Inc(-by);
}
