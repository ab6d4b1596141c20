using PlacementEngine.Metrics.Prometheus;
using PlacementEngine.Metrics.Tests.Support;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class CollectorTests
{
    [Fact]
    public async Task ScrapeAsync_Collector_WritesItsSamplesSortedByLabelValues()
    {
        var registry = new MetricRegistry();
        registry.AddCollector(MetricType.Gauge, "queue_depth", "help", ["queue"], Samples(("b", 2), ("a", 1)));

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal(["queue_depth{queue=\"a\"} 1", "queue_depth{queue=\"b\"} 2"], Exposition.SamplesOf(text, "queue_depth"));
        Assert.Contains("# TYPE queue_depth gauge\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrapeAsync_Collector_IsCalledAtEveryScrape()
    {
        var registry = new MetricRegistry();
        var calls = 0;
        registry.AddCollector(MetricType.Counter, "reads_total", "help", [],
            _ => Task.FromResult<IReadOnlyList<MetricSample>>([new MetricSample([], ++calls)]));

        await registry.ScrapeAsync(CancellationToken.None);
        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal("2", Exposition.ValueOf(text, "reads_total"));
    }

    [Fact]
    public async Task ScrapeAsync_CollectorReportsASeriesTwice_Throws()
    {
        var registry = new MetricRegistry();
        registry.AddCollector(MetricType.Gauge, "g", "help", ["k"], Samples(("a", 1), ("a", 2)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.ScrapeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ScrapeAsync_CollectorCounterNegative_Throws()
    {
        var registry = new MetricRegistry();
        registry.AddCollector(MetricType.Counter, "spent_total", "help", ["k"], Samples(("a", -0.01m)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.ScrapeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ScrapeAsync_CollectorGaugeNegative_IsWritten()
    {
        var registry = new MetricRegistry();
        registry.AddCollector(MetricType.Gauge, "left", "help", ["k"], Samples(("a", -0.01m)));

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal("-0.01", Exposition.ValueOf(text, "left{k=\"a\"}"));
    }

    [Fact]
    public async Task ScrapeAsync_CollectorWrongLabelCount_Throws()
    {
        var registry = new MetricRegistry();
        registry.AddCollector(MetricType.Gauge, "g", "help", ["a", "b"], Samples(("only-a", 1)));

        await Assert.ThrowsAsync<ArgumentException>(() => registry.ScrapeAsync(CancellationToken.None));
    }

    [Fact]
    public void AddCollector_Histogram_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            new MetricRegistry().AddCollector(MetricType.Histogram, "h_seconds", "help", [], Samples()));

    [Fact]
    public async Task WriteAsync_CollectorFails_WritesNothing()
    {
        var registry = new MetricRegistry();
        registry.AddGauge("a_first", "help").Set(1);
        registry.AddCollector(MetricType.Gauge, "b_broken", "help", [],
            _ => Task.FromException<IReadOnlyList<MetricSample>>(new IOException("store unreachable")));
        using var writer = new StringWriter();

        await Assert.ThrowsAsync<IOException>(() => registry.WriteAsync(writer, CancellationToken.None));

        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public async Task ScrapeAsync_Cancelled_Throws()
    {
        var registry = new MetricRegistry();
        registry.AddGauge("g", "help").Set(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registry.ScrapeAsync(new CancellationToken(canceled: true)));
    }

    private static Func<CancellationToken, Task<IReadOnlyList<MetricSample>>> Samples(params (string Label, decimal Value)[] samples) =>
        _ => Task.FromResult<IReadOnlyList<MetricSample>>([.. samples.Select(s => new MetricSample([s.Label], s.Value))]);
}
