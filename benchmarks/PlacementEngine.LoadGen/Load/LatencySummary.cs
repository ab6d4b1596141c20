using HdrHistogram;

namespace PlacementEngine.LoadGen.Load;

/// <summary>Latency percentiles in milliseconds, read from a histogram of microseconds.</summary>
internal sealed record LatencySummary(double MinMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0);

    public static LatencySummary From(HistogramBase microseconds) => microseconds.TotalCount == 0 ? Empty : new(
        Ms(microseconds.GetValueAtPercentile(0)),
        Ms(microseconds.GetValueAtPercentile(50)),
        Ms(microseconds.GetValueAtPercentile(90)),
        Ms(microseconds.GetValueAtPercentile(99)),
        Ms(microseconds.GetValueAtPercentile(99.9)),
        Ms(microseconds.GetMaxValue()));

    private static double Ms(long microseconds) => microseconds / 1000.0;
}

/// <summary>
/// Latencies from many callers into one HdrHistogram (microseconds, 3 significant digits: at most 0.1% off, in
/// constant memory however long the run), safe to record into from any thread.
/// </summary>
internal sealed class LatencyRecorder
{
    /// <summary>One hour: a longer latency is recorded as one hour rather than thrown away.</summary>
    private const long HighestMicroseconds = 3_600_000_000;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan latency) =>
        _histogram.RecordValue(Math.Clamp((long)Math.Round(latency.TotalMicroseconds), 1, HighestMicroseconds));

    public LatencySummary Summarize() => LatencySummary.From(_histogram);
}
