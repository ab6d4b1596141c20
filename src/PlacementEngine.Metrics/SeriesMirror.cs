using Prometheus;

namespace PlacementEngine.Metrics;

/// <summary>
/// Copies one scrape-time read into a prometheus-net family: the series read are set, and series an earlier read
/// had but this one lacks are removed, so the family shows the source's current state and nothing older.
/// </summary>
internal static class SeriesMirror
{
    public static void Set(Gauge gauge, IReadOnlyList<ScrapeSample> samples)
    {
        foreach (var sample in samples)
        {
            gauge.WithLabels([.. sample.LabelValues]).Set(sample.Value);
        }
        RemoveOthers(gauge, samples);
    }

    /// <summary>The store holds the running total, so the counter is raised to it rather than incremented by it.</summary>
    public static void RaiseTo(Counter counter, IReadOnlyList<ScrapeSample> samples)
    {
        foreach (var sample in samples)
        {
            counter.WithLabels([.. sample.LabelValues]).IncTo(sample.Value);
        }
        RemoveOthers(counter, samples);
    }

    private static void RemoveOthers<TChild>(Collector<TChild> family, IReadOnlyList<ScrapeSample> samples)
        where TChild : ChildBase
    {
        var current = samples.Select(sample => sample.LabelValues).ToHashSet(LabelValuesComparer.Instance);
        foreach (var labels in family.GetAllLabelValues())
        {
            if (!current.Contains(labels))
            {
                family.RemoveLabelled(labels);
            }
        }
    }
}
