namespace PlacementEngine.Metrics.Tests.Support;

/// <summary>Reads values back out of exposition text by exact series (name plus labels as written).</summary>
internal static class Exposition
{
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string ValueOf(string text, string series)
    {
        var values = Lines(text).Where(line => line.StartsWith(series + " ", StringComparison.Ordinal)).ToList();
        Assert.True(values.Count == 1, $"expected exactly one line for {series}, found {values.Count} in:\n{text}");
        return values[0][(series.Length + 1)..];
    }

    /// <summary>
    /// Sample lines (not HELP or TYPE) of one family, histogram lines included, sorted ordinally: the exporter
    /// promises no order, and Prometheus needs none.
    /// </summary>
    public static string[] SamplesOf(string text, string family)
    {
        string[] names = [family, family + "_bucket", family + "_sum", family + "_count"];
        return [.. Lines(text).Where(line => !line.StartsWith('#') && names.Contains(SeriesName(line))).Order(StringComparer.Ordinal)];
    }

    /// <summary>The TYPE lines, sorted ordinally.</summary>
    public static string[] Types(string text) =>
        [.. Lines(text).Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static string SeriesName(string line) => line[..line.IndexOfAny(['{', ' '])];
}
