using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Tests.Output;

public sealed class DisplayTests
{
    [Fact]
    public void Time_InRange_PrintsUtcSeconds()
    {
        Assert.Equal("2026-12-07 03:15:00Z", Display.Time(new Timestamp { Seconds = 1_796_613_300 }));
    }

    [Theory]
    [InlineData(253_402_300_800L, 0)] // one second after 9999-12-31T23:59:59Z
    [InlineData(-62_135_596_801L, 0)] // one second before 0001-01-01
    [InlineData(0L, -1)]
    [InlineData(0L, 1_000_000_000)]
    public void Time_OutsideTheProtobufRange_PrintsTheRawFieldsInsteadOfFailingTheCommand(long seconds, int nanos)
    {
        var text = Display.Time(new Timestamp { Seconds = seconds, Nanos = nanos });

        Assert.Equal($"invalid time (seconds={seconds}, nanos={nanos})", text);
    }
}
