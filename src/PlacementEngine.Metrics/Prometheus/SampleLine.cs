namespace PlacementEngine.Metrics.Prometheus;

/// <summary>One line of a family's output: the family name plus <paramref name="Suffix"/> (histograms write three kinds).</summary>
/// <param name="Bucket">The upper bound of a histogram bucket line, already spelled; null on every other line.</param>
internal readonly record struct SampleLine(string Suffix, LabelValues Labels, MetricValue Value, string? Bucket = null);
