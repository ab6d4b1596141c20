using PlacementEngine.Metrics.Prometheus;
using PlacementEngine.Metrics.Tests.Support;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class GaugeTests
{
    [Fact]
    public void SetIncDec_Child_GoesUpAndDown()
    {
        var child = new MetricRegistry().AddGauge("queue_depth", "help", "queue").WithLabels("a");

        child.Set(5);
        child.Inc(2);
        child.Dec(10);

        Assert.Equal(-3d, child.Value);
    }

    [Fact]
    public async Task Set_UnlabelledGauge_IsWrittenWithoutBraces()
    {
        var registry = new MetricRegistry();
        registry.AddGauge("leader", "help").Set(1);

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal(["leader 1"], Exposition.SamplesOf(text, "leader"));
    }

    [Fact]
    public void ContentType_IsTextFormatVersion004InUtf8() =>
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.ContentType);
}
