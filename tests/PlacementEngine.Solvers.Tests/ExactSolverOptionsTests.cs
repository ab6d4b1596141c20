using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Solvers.Tests;

public sealed class ExactSolverOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new ExactSolverOptions().Validate());

    [Fact]
    public void Validate_Defaults_SearchTenSecondsWithAWorkerPerCoreForAProvenOptimum()
    {
        var options = new ExactSolverOptions();

        Assert.Equal((TimeSpan.FromSeconds(10), null, Environment.ProcessorCount), (options.TimeLimit, options.RelativeGap, options.Workers));
    }

    [Fact]
    public void Backend_Default_IsCbcTheBestOnTheBenchmark() => Assert.Equal(ExactBackend.Cbc, new ExactSolverOptions().Backend);

    [Fact]
    public void Validate_UndefinedBackend_NamesTheOptionAndTheChoices()
    {
        var error = Assert.Single(new ExactSolverOptions { Backend = (ExactBackend)7 }.Validate());

        Assert.Equal("Backend must be one of Cbc, CpSat, Scip, was 7", error);
    }

    [Theory]
    [InlineData(0, null, 1, "TimeLimit")]
    [InlineData(3601, null, 1, "TimeLimit")]
    [InlineData(10, -0.1, 1, "RelativeGap")]
    [InlineData(10, 1.0, 1, "RelativeGap")]
    [InlineData(10, double.NaN, 1, "RelativeGap")]
    [InlineData(10, null, 0, "Workers")]
    [InlineData(10, null, 65, "Workers")]
    public void Validate_OutOfRange_NamesTheOption(double seconds, double? gap, int workers, string option)
    {
        var options = new ExactSolverOptions { TimeLimit = TimeSpan.FromSeconds(seconds), RelativeGap = gap, Workers = workers };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith(option, error, StringComparison.Ordinal);
    }
}
