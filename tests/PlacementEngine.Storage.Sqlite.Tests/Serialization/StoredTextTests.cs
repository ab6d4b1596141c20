using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.Tests.Serialization;

public sealed class StoredTextTests
{
    [Fact]
    public void FormatInstant_AnyOffset_WritesUtcThatReadsBackToTheSameTick()
    {
        var at = new DateTimeOffset(2026, 3, 29, 1, 59, 59, TimeSpan.FromHours(-7)).AddTicks(1234567);

        var text = StoredText.FormatInstant(at);

        Assert.Equal("2026-03-29T08:59:59.1234567Z", text);
        var read = StoredText.ParseInstant(text);
        Assert.Equal(at.UtcTicks, read.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public void FormatInstant_AsText_SortsInTimeOrder()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var instants = new[] { start.AddTicks(1), start.AddYears(3), start, start.AddMilliseconds(-1), start.AddHours(-1).ToOffset(TimeSpan.FromHours(5)) };

        var byText = instants.OrderBy(StoredText.FormatInstant, StringComparer.Ordinal);

        Assert.Equal(instants.OrderBy(i => i.UtcTicks), byText);
    }

    [Theory]
    [InlineData("0.30")]
    [InlineData("-12.000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public void ParseMoney_OfFormattedMoney_IsExactToTheLastDigit(string dollars)
    {
        var money = Money.Of(decimal.Parse(dollars, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(dollars, StoredText.FormatMoney(StoredText.ParseMoney(StoredText.FormatMoney(money))));
    }

    [Fact]
    public void ParseDuration_OfFormattedDuration_KeepsEveryTick()
    {
        var duration = TimeSpan.FromDays(59) + TimeSpan.FromTicks(1);

        Assert.Equal(duration, StoredText.ParseDuration(StoredText.FormatDuration(duration)));
    }
}
