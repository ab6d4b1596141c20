using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Tests.Contracts;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "1H", TimeSpan.FromHours(1) },
        { "5M", TimeSpan.FromMinutes(5) },
        { "30S", TimeSpan.FromSeconds(30) },
        { "100m", TimeSpan.FromMilliseconds(100) },
        { "250u", TimeSpan.FromMicroseconds(250) },
        { "1000n", TimeSpan.FromTicks(10) },
        { "1n", TimeSpan.FromTicks(1) },   // rounded up to the 100 ns tick, never down to zero
        { "0S", TimeSpan.Zero },
        { "99999999H", TimeSpan.FromHours(99_999_999) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidHeader_ReturnsTimeout(string header, TimeSpan expected)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(expected, timeout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]   // nine digits
    [InlineData("10x")]
    [InlineData("10s")]          // lower-case s is not a unit; S is
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData(" 1S")]
    public void TryParse_InvalidHeader_ReturnsFalse(string? header) =>
        Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(1500, "1500000u")]
    [InlineData(100, "100000u")]
    [InlineData(30_000, "30000000u")]
    [InlineData(3_600_000, "3600000m")]
    public void Format_Milliseconds_UsesFinestUnitWithinEightDigits(int milliseconds, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Format_ZeroOrNegative_IsTheSmallestTimeout()
    {
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.Zero));
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.FromSeconds(-3)));
    }

    [Fact]
    public void Format_BeyondEightDigitsOfHours_IsCapped() =>
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));

    [Theory]
    [InlineData(1)]
    [InlineData(123_456_789)]
    [InlineData(987_654_321_012)]
    public void Format_ThenParse_NeverShortensTheTimeout(long ticks)
    {
        var timeout = TimeSpan.FromTicks(ticks);

        Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(timeout), out var parsed));

        Assert.True(parsed >= timeout, $"{parsed} < {timeout}");
        Assert.True(parsed - timeout < TimeSpan.FromMilliseconds(1), $"{parsed} is far from {timeout}");
    }
}
