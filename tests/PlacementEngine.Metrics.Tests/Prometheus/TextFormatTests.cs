using PlacementEngine.Metrics.Prometheus;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class TextFormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData(@"C:\jobs", @"C:\\jobs")]
    [InlineData("two\nlines", @"two\nlines")]
    [InlineData("\\\"\n", "\\\\\\\"\\n")]
    public void EscapeLabelValue_SpecialCharacters_AreBackslashEscaped(string value, string expected) =>
        Assert.Equal(expected, TextFormat.EscapeLabelValue(value));

    [Fact]
    public void EscapeHelp_QuoteBackslashNewline_EscapesOnlyBackslashAndNewline() =>
        Assert.Equal("say \"hi\" \\\\ then\\nmore", TextFormat.EscapeHelp("say \"hi\" \\ then\nmore"));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0d, "0")]
    [InlineData(3d, "3")]
    [InlineData(0.001, "0.001")]
    [InlineData(2.5, "2.5")]
    [InlineData(-1.25, "-1.25")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(1.5e300, "1.5e+300")]
    public void FormatDouble_Value_IsSpelledAsPrometheusParsesIt(double value, string expected) =>
        Assert.Equal(expected, TextFormat.FormatDouble(value));

    [Fact]
    public void FormatDouble_AnyValue_ReadsBackToTheSameDouble()
    {
        foreach (var value in new[] { 0.1 + 0.2, Math.PI, 1d / 3, 123456789.123456789, double.Epsilon, double.MaxValue })
        {
            Assert.Equal(value, double.Parse(TextFormat.FormatDouble(value), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("12.500000", "12.5")]
    [InlineData("1000", "1000")]
    [InlineData("-0.000001", "-0.000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void FormatDecimal_Money_IsWrittenExactlyWithoutTrailingZeros(string value, string expected) =>
        Assert.Equal(expected, TextFormat.FormatDecimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void MetricValue_Decimal_IsNotRoundedThroughADouble() =>
        // 0.1 + 0.2 is 0.30000000000000004 as doubles; as money it must stay 0.3.
        Assert.Equal("0.3", MetricValue.FromDecimal(0.1m + 0.2m).ToString());
}
