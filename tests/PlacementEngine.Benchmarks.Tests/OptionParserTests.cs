using PlacementEngine.Benchmarks;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Benchmarks.Tests;

public sealed class OptionParserTests
{
    [Fact]
    public void Parse_NoSeedOption_RunsSeedOne() => Assert.Equal([1], Parse().Seeds);

    [Fact]
    public void Parse_Seed_RunsThatSeedAlone() => Assert.Equal([42], Parse("--seed", "42").Seeds);

    [Fact]
    public void Parse_Seeds_RunsTheSweep() => Assert.Equal([1, 2, 3, 8], Parse("--seeds", "1-3,8").Seeds);

    [Fact]
    public void Parse_SeedAndSeeds_IsAnErrorNamingBoth()
    {
        OptionParser.Parse(["--seed", "1", "--seeds", "1-3"], out var errors);

        Assert.Contains(errors, e => e.Contains("--seed and --seeds cannot be used together", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("5-1", "--seeds: the range '5-1' runs backwards")]
    [InlineData("x", "--seeds: 'x' is not a seed")]
    public void Parse_BadSeeds_IsAnErrorNamingTheOption(string seeds, string message)
    {
        OptionParser.Parse(["--seeds", seeds], out var errors);

        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SingleJobOverManySeeds_IsAnError()
    {
        OptionParser.Parse(["--single-job", "--seeds", "1-2"], out var errors);

        Assert.Contains(errors, e => e.Contains("--single-job", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ExactSeconds_SetsTheExactSolversTimeLimit() => Assert.Equal(30, Parse("--exact-seconds", "30").ExactSeconds);

    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    [InlineData("soon")]
    public void Parse_BadExactSeconds_IsAnError(string seconds)
    {
        OptionParser.Parse(["--exact-seconds", seconds], out var errors);

        Assert.StartsWith("--exact-seconds:", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cbc", ExactBackend.Cbc)]
    [InlineData("CP-SAT", ExactBackend.CpSat)]
    [InlineData("scip", ExactBackend.Scip)]
    public void Parse_ExactBackend_SetsTheEngine(string name, ExactBackend expected) =>
        Assert.Equal(expected, Parse("--exact-backend", name).ExactBackend);

    [Fact]
    public void Parse_UnknownExactBackend_IsAnErrorListingTheNames()
    {
        OptionParser.Parse(["--exact-backend", "gurobi"], out var errors);

        Assert.Equal("--exact-backend: 'gurobi' is not one of cbc, cp-sat, scip", Assert.Single(errors));
    }

    [Fact]
    public void Parse_CbcSeconds_IsNoLongerAnOption()
    {
        OptionParser.Parse(["--cbc-seconds", "30"], out var errors);

        Assert.Contains(errors, e => e == "unknown option '--cbc-seconds'");
    }

    private static BenchmarkOptions Parse(params string[] args)
    {
        var options = OptionParser.Parse(args, out var errors);
        Assert.Empty(errors);
        return options;
    }
}
