namespace PlacementEngine.Metrics.Prometheus;

/// <summary>The metric types this exporter writes; the lower-case name is what the TYPE line says.</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}

internal static class MetricTypeNames
{
    public static string ToWire(this MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown metric type"),
    };
}
