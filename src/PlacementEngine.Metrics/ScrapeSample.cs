namespace PlacementEngine.Metrics;

/// <summary>One series a scrape-time read reports, with label values in the family's label order.</summary>
internal sealed record ScrapeSample(IReadOnlyList<string> LabelValues, double Value);
