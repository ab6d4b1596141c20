using PlacementEngine.Metrics.Prometheus;
using PlacementEngine.Metrics.Tests.Support;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class MetricRegistryTests
{
    [Fact]
    public async Task ScrapeAsync_Family_WritesHelpTypeAndSamplesWithNewlineEndings()
    {
        var registry = new MetricRegistry();
        registry.AddCounter("retries_total", "Retries by cluster.\nSecond \\ line.", "cluster").WithLabels("eu-1").Inc(3);

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            "# HELP retries_total Retries by cluster.\\nSecond \\\\ line.\n" +
            "# TYPE retries_total counter\n" +
            "retries_total{cluster=\"eu-1\"} 3\n",
            text);
    }

    [Fact]
    public async Task ScrapeAsync_LabelValueWithQuoteBackslashNewline_IsEscaped()
    {
        var registry = new MetricRegistry();
        registry.AddGauge("g", "help", "team").WithLabels("a\"b\\c\nd").Set(1);

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Contains("g{team=\"a\\\"b\\\\c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrapeAsync_FamiliesAndChildren_AreOrderedByNameThenLabelValues()
    {
        var registry = new MetricRegistry();
        var zeta = registry.AddGauge("zeta", "help", "a", "b");
        registry.AddGauge("alpha", "help").Set(1);
        zeta.WithLabels("y", "2").Set(1);
        zeta.WithLabels("x", "9").Set(1);
        zeta.WithLabels("y", "10").Set(1);
        zeta.WithLabels("Y", "1").Set(1);

        var text = await registry.ScrapeAsync(CancellationToken.None);

        var samples = Exposition.Lines(text).Where(line => !line.StartsWith('#')).ToArray();
        Assert.Equal(
            [
                "alpha 1",
                "zeta{a=\"Y\",b=\"1\"} 1",
                "zeta{a=\"x\",b=\"9\"} 1",
                "zeta{a=\"y\",b=\"10\"} 1",
                "zeta{a=\"y\",b=\"2\"} 1",
            ],
            samples);
    }

    [Fact]
    public async Task ScrapeAsync_SameStateBuiltInAnotherOrder_WritesTheSameText()
    {
        static async Task<string> Build(bool reversed)
        {
            var registry = new MetricRegistry();
            var families = new (string Name, string Label)[] { ("b_total", "x"), ("a_total", "y"), ("c_total", "z") };
            foreach (var (name, label) in reversed ? families.Reverse() : families)
            {
                var counter = registry.AddCounter(name, "help", "k");
                foreach (var value in reversed ? new[] { "2", "1" } : ["1", "2"])
                {
                    counter.WithLabels(value).Inc();
                }
            }
            return await registry.ScrapeAsync(CancellationToken.None);
        }

        Assert.Equal(await Build(reversed: false), await Build(reversed: true));
    }

    [Fact]
    public async Task ScrapeAsync_LabelledFamilyWithoutChildren_IsOmitted()
    {
        var registry = new MetricRegistry();
        registry.AddCounter("errors_total", "help", "code");

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal("", text);
    }

    [Fact]
    public async Task ScrapeAsync_SpecialGaugeValues_UsePrometheusSpelling()
    {
        var registry = new MetricRegistry();
        var gauge = registry.AddGauge("g", "help", "k");
        gauge.WithLabels("pos").Set(double.PositiveInfinity);
        gauge.WithLabels("neg").Set(double.NegativeInfinity);
        gauge.WithLabels("nan").Set(double.NaN);

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal("-Inf", Exposition.ValueOf(text, "g{k=\"neg\"}"));
        Assert.Equal("+Inf", Exposition.ValueOf(text, "g{k=\"pos\"}"));
        Assert.Equal("NaN", Exposition.ValueOf(text, "g{k=\"nan\"}"));
    }

    [Fact]
    public async Task WriteAsync_Writer_ReceivesTheScrapeText()
    {
        var registry = new MetricRegistry();
        registry.AddGauge("g", "help").Set(2);
        using var writer = new StringWriter();

        await registry.WriteAsync(writer, CancellationToken.None);

        Assert.Equal(await registry.ScrapeAsync(CancellationToken.None), writer.ToString());
    }
}
