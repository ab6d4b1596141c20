using PlacementEngine.Cli.JobFiles;

namespace PlacementEngine.Cli.Tests.JobFiles;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90m", 5400)]
    [InlineData("6h", 21600)]
    [InlineData("1h30m", 5400)]
    [InlineData("3600s", 3600)]
    [InlineData("1.5h", 5400)]
    [InlineData("1h0m30s", 3630)]
    [InlineData("0", 0)]
    public void TryParseSeconds_GoStyleDuration_ReturnsSeconds(string text, long expected)
    {
        Assert.True(DurationParser.TryParseSeconds(text, out var seconds, out _));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("6", "not a duration")]
    [InlineData("6 h", "not a duration")]
    [InlineData("-1h", "not a duration")]
    [InlineData("1d", "not a duration")]
    [InlineData("", "not a duration")]
    [InlineData("0.5s", "not a whole number of seconds")]
    [InlineData("99999999h", "longer than")]
    public void TryParseSeconds_Invalid_ExplainsWhy(string text, string problem)
    {
        Assert.False(DurationParser.TryParseSeconds(text, out _, out var message));
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }
}
