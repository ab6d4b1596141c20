using System.Text.RegularExpressions;

namespace PlacementEngine.Metrics.Prometheus;

/// <summary>Metric and label names a Prometheus 2.x server accepts without UTF-8 quoting.</summary>
internal static partial class NameRules
{
    /// <summary>Histograms add this label to their bucket lines, so no histogram may define it.</summary>
    public const string BucketLabel = "le";

    public static void ValidateMetricName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!MetricName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid metric name: use [a-zA-Z_:][a-zA-Z0-9_:]*", nameof(name));
        }
    }

    public static void ValidateLabelNames(IReadOnlyList<string> labelNames, MetricType type)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labelNames)
        {
            if (label is null || !LabelName().IsMatch(label))
            {
                throw new ArgumentException($"'{label}' is not a valid label name: use [a-zA-Z_][a-zA-Z0-9_]*", nameof(labelNames));
            }
            // Names starting with "__" belong to Prometheus itself (__name__, relabelling internals).
            if (label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"label name '{label}' is reserved: names starting with '__' belong to Prometheus", nameof(labelNames));
            }
            if (type == MetricType.Histogram && label == BucketLabel)
            {
                throw new ArgumentException($"a histogram cannot have a label '{BucketLabel}': its buckets use it", nameof(labelNames));
            }
            if (!seen.Add(label))
            {
                throw new ArgumentException($"label name '{label}' is listed twice", nameof(labelNames));
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
