namespace PlacementEngine.Metrics.Prometheus;

/// <summary>A count that only goes up (events, totals). Prometheus treats any decrease as a process restart.</summary>
public sealed class Counter : MetricFamily
{
    private readonly LabeledChildren<CounterChild> _children;

    internal Counter(string name, string help, IReadOnlyList<string> labelNames)
        : base(name, help, MetricType.Counter, labelNames)
    {
        _children = new LabeledChildren<CounterChild>(LabelNames, static () => new CounterChild());
    }

    /// <summary>The child for these label values, in the order of <see cref="MetricFamily.LabelNames"/>.</summary>
    public CounterChild WithLabels(params string[] labelValues) => _children.Get(labelValues);

    /// <summary>For a counter without labels.</summary>
    public void Inc(double by = 1d) => _children.Unlabeled().Inc(by);

    internal override ValueTask<IReadOnlyList<SampleLine>> CollectAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SampleLine>>(
            [.. _children.InOrder().Select(child => new SampleLine("", child.Key, child.Value.Value))]);
}

public sealed class CounterChild
{
    private readonly Lock _gate = new();
    private double _value;

    internal CounterChild()
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

    /// <exception cref="ArgumentOutOfRangeException">The increment is negative, infinite or NaN.</exception>
    public void Inc(double by = 1d)
    {
        if (!double.IsFinite(by) || by < 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "a counter only goes up: the increment must be a finite number >= 0");
        }
        lock (_gate)
        {
            _value += by;
        }
    }
}
