namespace PlacementEngine.Benchmarks;

/// <summary>The least, middle and largest of a set of measurements; the median of an even count is the mean of the middle two.</summary>
public sealed record Spread(double Min, double Median, double Max)
{
    /// <returns>Null when there is no value: a solver with no bound has no gap to summarise.</returns>
    public static Spread? Of(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(sorted[0], median, sorted[^1]);
    }
}
