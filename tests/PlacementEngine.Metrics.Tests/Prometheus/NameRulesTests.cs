using PlacementEngine.Metrics.Prometheus;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("placement_jobs")]
    [InlineData("_private")]
    [InlineData("job:rate5m")]
    [InlineData("a1")]
    public void AddGauge_ValidName_IsAccepted(string name) =>
        Assert.Equal(name, new MetricRegistry().AddGauge(name, "help").Name);

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("dotted.name")]
    [InlineData("ünicode")]
    public void AddGauge_InvalidName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new MetricRegistry().AddGauge(name, "help"));

    [Theory]
    [InlineData("has-dash")]
    [InlineData("1st")]
    [InlineData("with:colon")]
    [InlineData("__reserved")]
    [InlineData("")]
    public void AddCounter_InvalidLabelName_Throws(string label) =>
        Assert.Throws<ArgumentException>(() => new MetricRegistry().AddCounter("x_total", "help", label));

    [Fact]
    public void AddCounter_SameLabelTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new MetricRegistry().AddCounter("x_total", "help", "cluster", "cluster"));

    [Fact]
    public void AddHistogram_LeLabel_ThrowsBecauseBucketsUseIt() =>
        Assert.Throws<ArgumentException>(() => new MetricRegistry().AddHistogram("x_seconds", "help", [1], "le"));

    [Fact]
    public void AddGauge_LeLabel_IsAllowedOutsideHistograms() =>
        Assert.Equal(["le"], new MetricRegistry().AddGauge("x", "help", "le").LabelNames);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddGauge_NoHelp_Throws(string help) =>
        Assert.Throws<ArgumentException>(() => new MetricRegistry().AddGauge("x", help));

    [Fact]
    public void AddGauge_NameTaken_Throws()
    {
        var registry = new MetricRegistry();
        registry.AddCounter("x_total", "help");

        Assert.Throws<ArgumentException>(() => registry.AddGauge("x_total", "help"));
    }

    [Fact]
    public void AddGauge_NameOfAHistogramLine_Throws()
    {
        var registry = new MetricRegistry();
        registry.AddHistogram("latency_seconds", "help", [1]);

        Assert.Throws<ArgumentException>(() => registry.AddGauge("latency_seconds_count", "help"));
    }

    [Fact]
    public void WithLabels_WrongNumberOfValues_Throws()
    {
        var counter = new MetricRegistry().AddCounter("x_total", "help", "cluster", "pool");

        Assert.Throws<ArgumentException>(() => counter.WithLabels("only-cluster"));
    }

    [Fact]
    public void WithLabels_NullValue_Throws()
    {
        var counter = new MetricRegistry().AddCounter("x_total", "help", "cluster");

        Assert.Throws<ArgumentException>(() => counter.WithLabels([null!]));
    }

    [Fact]
    public void Inc_WithoutLabelsOnALabelledCounter_Throws()
    {
        var counter = new MetricRegistry().AddCounter("x_total", "help", "cluster");

        Assert.Throws<InvalidOperationException>(() => counter.Inc());
    }
}
