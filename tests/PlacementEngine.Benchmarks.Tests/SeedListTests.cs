using PlacementEngine.Benchmarks;

namespace PlacementEngine.Benchmarks.Tests;

public sealed class SeedListTests
{
    [Theory]
    [InlineData("1-10", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData("1,4,7", new[] { 1, 4, 7 })]
    [InlineData("1-3,8", new[] { 1, 2, 3, 8 })]
    [InlineData("7", new[] { 7 })]
    [InlineData("5-5", new[] { 5 })]
    [InlineData("9, 2-3", new[] { 9, 2, 3 })]
    public void Parse_ValidList_GivesTheSeedsInTheOrderWritten(string text, int[] expected)
    {
        var seeds = SeedList.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(expected, seeds);
    }

    [Theory]
    [InlineData("5-1", "runs backwards")]
    [InlineData("x", "'x' is not a seed")]
    [InlineData("1-x", "'1-x' is not a seed")]
    [InlineData("-3", "'-3' is not a seed")]
    [InlineData("1,,2", "'' is not a seed")]
    [InlineData("1-3,2", "seed 2 is named twice")]
    [InlineData("1-20000", "more than 10,000 seeds")]
    [InlineData("", "give seeds")]
    [InlineData(null, "give seeds")]
    public void Parse_BadList_SaysWhatIsWrong(string? text, string message)
    {
        var seeds = SeedList.Parse(text, out var error);

        Assert.Null(seeds);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
