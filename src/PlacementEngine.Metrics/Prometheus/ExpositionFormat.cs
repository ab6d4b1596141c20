namespace PlacementEngine.Metrics.Prometheus;

public static class ExpositionFormat
{
    /// <summary>Content type of the text format version 0.0.4, which every Prometheus server accepts.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
}
