using System.Collections.Concurrent;

namespace PlacementEngine.Metrics.Prometheus;

/// <summary>The children of one family, one per distinct set of label values, created on first use.</summary>
internal sealed class LabeledChildren<TChild>
    where TChild : class
{
    private readonly ConcurrentDictionary<LabelValues, TChild> _children = new();
    private readonly IReadOnlyList<string> _labelNames;
    private readonly Func<TChild> _create;

    public LabeledChildren(IReadOnlyList<string> labelNames, Func<TChild> create)
    {
        _labelNames = labelNames;
        _create = create;
        // A family without labels has exactly one child: create it now so it is exported (at zero) from the start.
        if (labelNames.Count == 0)
        {
            Get([]);
        }
    }

    public TChild Get(IReadOnlyList<string> labelValues) =>
        _children.GetOrAdd(LabelValues.Of(labelValues, _labelNames), static (_, create) => create(), _create);

    /// <summary>The single child of a family without labels.</summary>
    public TChild Unlabeled()
    {
        if (_labelNames.Count != 0)
        {
            throw new InvalidOperationException(
                $"this metric has labels [{string.Join(", ", _labelNames)}]: pick a child with WithLabels(...)");
        }
        return Get([]);
    }

    public IReadOnlyList<KeyValuePair<LabelValues, TChild>> InOrder() =>
        [.. _children.OrderBy(child => child.Key, LabelValues.Order)];
}
