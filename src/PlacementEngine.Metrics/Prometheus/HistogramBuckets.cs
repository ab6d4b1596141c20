namespace PlacementEngine.Metrics.Prometheus;

internal static class HistogramBuckets
{
    /// <summary>
    /// Checks the finite upper bounds: strictly increasing, no NaN. A trailing +Inf is dropped because the
    /// +Inf bucket is always written; any other infinity is an error.
    /// </summary>
    public static double[] Validate(IReadOnlyList<double> upperBounds)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        var bounds = upperBounds.Count > 0 && double.IsPositiveInfinity(upperBounds[^1])
            ? upperBounds.Take(upperBounds.Count - 1).ToArray()
            : [.. upperBounds];
        for (var i = 0; i < bounds.Length; i++)
        {
            if (!double.IsFinite(bounds[i]))
            {
                throw new ArgumentException($"bucket bound {bounds[i]} is not a finite number", nameof(upperBounds));
            }
            if (i > 0 && bounds[i] <= bounds[i - 1])
            {
                throw new ArgumentException(
                    $"bucket bounds must increase strictly: {bounds[i]} follows {bounds[i - 1]}", nameof(upperBounds));
            }
        }
        return bounds;
    }
}
