namespace PlacementEngine.Metrics;

/// <summary>Histogram bucket bounds, in seconds.</summary>
public static class PlacementBuckets
{
    /// <summary>
    /// A solve or a whole cycle: the greedy solver answers in milliseconds, an exact solve may use its whole
    /// time limit, so 1 ms to a minute.
    /// </summary>
    public static readonly IReadOnlyList<double> Operation =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>
    /// From submission to placement: immediate when capacity is free, up to an hour when a job waits for
    /// capacity or budget. Longer waits land in +Inf and still count.
    /// </summary>
    public static readonly IReadOnlyList<double> SubmitToPlace =
        [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600];
}
