using PlacementEngine.Benchmarks;
using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks.Tests;

public sealed class FastTraceTests
{
    [Fact]
    public void Parse_FastTrace_TurnsTheTraceOn()
    {
        var options = OptionParser.Parse(["--fast-trace"], out var errors);

        Assert.Empty(errors);
        Assert.NotNull(FastTrace.For(options));
    }

    [Fact]
    public void For_WithoutTheOption_GivesNoCallback() => Assert.Null(FastTrace.For(OptionParser.Parse([], out _)));

    [Fact]
    public void Writer_APhase_WritesItsNameObjectiveBoundAndGap()
    {
        using var output = new StringWriter();

        FastTrace.Writer(output)(new FastSolverProgress("subgradient", 200m, 150m));

        var line = output.ToString();
        Assert.Contains("subgradient", line, StringComparison.Ordinal);
        Assert.Contains("objective", line, StringComparison.Ordinal);
        Assert.Contains("200.00", line, StringComparison.Ordinal);
        Assert.Contains("150.00", line, StringComparison.Ordinal);
        Assert.Contains("gap 25.00%", line, StringComparison.Ordinal);
    }
}
