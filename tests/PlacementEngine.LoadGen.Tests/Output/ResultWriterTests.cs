using PlacementEngine.LoadGen.Load;
using PlacementEngine.LoadGen.Options;
using PlacementEngine.LoadGen.Output;

namespace PlacementEngine.LoadGen.Tests.Output;

public class ResultWriterTests
{
    private static readonly RunResult Submit = new(
        "submit", 2000, 1990, new Dictionary<string, long> { ["Unavailable"] = 7, ["DeadlineExceeded"] = 3 },
        TimeSpan.FromSeconds(4), new LatencySummary(0.5, 1.25, 2.5, 10.125, 20, 31.5));

    [Fact]
    public void Write_Csv_IsAHeaderThenOneRowPerRunInInvariantNumbers()
    {
        var text = new StringWriter();

        new ResultWriter(text, OutputFormat.Csv).Write([Submit, Submit with { Name = "health", Errors = new Dictionary<string, long>() }]);

        var lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run,requests,ok,errors,seconds,throughput_per_s,min_ms,p50_ms,p90_ms,p99_ms,p99_9_ms,max_ms", lines[0]);
        Assert.Equal("submit,2000,1990,DeadlineExceeded=3;Unavailable=7,4.00,500,0.50,1.25,2.50,10.13,20.00,31.50", lines[1]);
        Assert.Equal("health,2000,1990,,4.00,500,0.50,1.25,2.50,10.13,20.00,31.50", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Write_Table_AlignsColumnsUnderTheirHeadings()
    {
        var text = new StringWriter();
        var health = Submit with { Name = "health", Errors = new Dictionary<string, long>(), Elapsed = TimeSpan.FromSeconds(1) };

        new ResultWriter(text, OutputFormat.Table).Write([health, Submit]);

        var lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("run ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" - ", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[0].IndexOf("req/s", StringComparison.Ordinal) + "req/s".Length, lines[1].IndexOf("2000 ", lines[1].IndexOf("1.00", StringComparison.Ordinal), StringComparison.Ordinal) + 4);
    }

    [Fact]
    public void Note_Csv_IsACommentLine()
    {
        var text = new StringWriter();

        new ResultWriter(text, OutputFormat.Csv).Note("submit throughput / health ceiling", "0.034");

        Assert.Equal("# submit throughput / health ceiling: 0.034" + Environment.NewLine, text.ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Csv_QuotesOnlyWhatNeedsIt(string cell, string expected) => Assert.Equal(expected, ResultWriter.Csv(cell));

    [Fact]
    public void Throughput_IsAnsweredRequestsPerSecond() => Assert.Equal(500, Submit.Throughput);
}
