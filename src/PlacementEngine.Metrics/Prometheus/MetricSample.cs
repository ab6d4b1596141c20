namespace PlacementEngine.Metrics.Prometheus;

/// <summary>One value a scrape-time collector reports, with label values in the family's label order.</summary>
public sealed record MetricSample(IReadOnlyList<string> LabelValues, MetricValue Value);
