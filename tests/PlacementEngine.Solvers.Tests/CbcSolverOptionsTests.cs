using PlacementEngine.Solvers.Cbc;

namespace PlacementEngine.Solvers.Tests;

public sealed class CbcSolverOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new CbcSolverOptions().Validate());

    [Fact]
    public void Validate_Defaults_SearchTenSecondsOnOneThreadForAProvenOptimum()
    {
        var options = new CbcSolverOptions();

        Assert.Equal((TimeSpan.FromSeconds(10), null, 1), (options.TimeLimit, options.RelativeGap, options.Threads));
    }

    [Theory]
    [InlineData(0, null, 1, "TimeLimit")]
    [InlineData(3601, null, 1, "TimeLimit")]
    [InlineData(10, -0.1, 1, "RelativeGap")]
    [InlineData(10, 1.0, 1, "RelativeGap")]
    [InlineData(10, double.NaN, 1, "RelativeGap")]
    [InlineData(10, null, 0, "Threads")]
    [InlineData(10, null, 65, "Threads")]
    public void Validate_OutOfRange_NamesTheOption(double seconds, double? gap, int threads, string option)
    {
        var options = new CbcSolverOptions { TimeLimit = TimeSpan.FromSeconds(seconds), RelativeGap = gap, Threads = threads };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith(option, error, StringComparison.Ordinal);
    }
}
