namespace PlacementEngine.Metrics.Prometheus;

/// <summary>
/// Observations counted into buckets by upper bound. Written as cumulative <c>_bucket{le=...}</c> lines ending
/// with <c>le="+Inf"</c>, then <c>_sum</c> and <c>_count</c>, which is what <c>histogram_quantile</c> needs.
/// </summary>
public sealed class Histogram : MetricFamily
{
    private const string InfiniteBound = "+Inf";

    private readonly double[] _upperBounds;
    private readonly string[] _boundLabels;
    private readonly LabeledChildren<HistogramChild> _children;

    internal Histogram(string name, string help, IReadOnlyList<double> upperBounds, IReadOnlyList<string> labelNames)
        : base(name, help, MetricType.Histogram, labelNames)
    {
        _upperBounds = HistogramBuckets.Validate(upperBounds);
        _boundLabels = [.. _upperBounds.Select(TextFormat.FormatDouble)];
        _children = new LabeledChildren<HistogramChild>(LabelNames, () => new HistogramChild(_upperBounds));
    }

    /// <summary>The finite upper bounds; the +Inf bucket is implied.</summary>
    public IReadOnlyList<double> UpperBounds => _upperBounds;

    /// <summary>The child for these label values, in the order of <see cref="MetricFamily.LabelNames"/>.</summary>
    public HistogramChild WithLabels(params string[] labelValues) => _children.Get(labelValues);

    /// <summary>For a histogram without labels.</summary>
    public void Observe(double value) => _children.Unlabeled().Observe(value);

    internal override IEnumerable<string> SampleNames => [Name, Name + "_bucket", Name + "_sum", Name + "_count"];

    internal override ValueTask<IReadOnlyList<SampleLine>> CollectAsync(CancellationToken cancellationToken)
    {
        var lines = new List<SampleLine>();
        foreach (var (labels, child) in _children.InOrder())
        {
            var snapshot = child.Snapshot();
            long cumulative = 0;
            for (var i = 0; i < _boundLabels.Length; i++)
            {
                cumulative += snapshot.BucketCounts[i];
                lines.Add(new SampleLine("_bucket", labels, cumulative, _boundLabels[i]));
            }
            lines.Add(new SampleLine("_bucket", labels, snapshot.Count, InfiniteBound));
            lines.Add(new SampleLine("_sum", labels, snapshot.Sum));
            lines.Add(new SampleLine("_count", labels, snapshot.Count));
        }
        return ValueTask.FromResult<IReadOnlyList<SampleLine>>(lines);
    }
}

public sealed class HistogramChild
{
    private readonly Lock _gate = new();
    private readonly double[] _upperBounds;

    // One slot per finite bound plus one for values above them all; cumulated only when written.
    private readonly long[] _bucketCounts;
    private double _sum;
    private long _count;

    internal HistogramChild(double[] upperBounds)
    {
        _upperBounds = upperBounds;
        _bucketCounts = new long[upperBounds.Length + 1];
    }

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, which no bucket can hold.</exception>
    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a histogram cannot observe NaN");
        }
        var slot = BucketOf(value);
        lock (_gate)
        {
            _bucketCounts[slot]++;
            _sum += value;
            _count++;
        }
    }

    /// <summary>Bucket, sum and count read together, so a scrape never sees a count that disagrees with its buckets.</summary>
    internal HistogramSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new HistogramSnapshot([.. _bucketCounts], _sum, _count);
        }
    }

    /// <summary>Bounds are inclusive ("le"): a value equal to a bound belongs to that bound's bucket.</summary>
    private int BucketOf(double value)
    {
        var index = Array.BinarySearch(_upperBounds, value);
        return index >= 0 ? index : ~index;
    }
}

internal sealed record HistogramSnapshot(long[] BucketCounts, double Sum, long Count);
