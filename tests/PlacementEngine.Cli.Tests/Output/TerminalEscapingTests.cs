using System.Text.Json;
using Grpc.Core;
using PlacementEngine.Cli.Output;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;
using Spectre.Console;

namespace PlacementEngine.Cli.Tests.Output;

/// <summary>Server text holding terminal control sequences (from an older server or another client) reaches no terminal raw.</summary>
public sealed class TerminalEscapingTests
{
    private const string Hostile = "\u001b]0;PWNED\u0007\u001b[2J";
    private const string HostileEscaped = @"\x1b]0;PWNED\x07\x1b[2J";

    private readonly Placectl _placectl = new();

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("tab\tcr\rnl\n", @"tab\x09cr\x0dnl\x0a")]
    [InlineData("del\u007f c1\u009b", @"del\x7f c1\x9b")]
    [InlineData("evil\u202egnp.exe", @"evil\u202egnp.exe")]
    [InlineData("isolate\u2066x\u2069", @"isolate\u2066x\u2069")]
    [InlineData("caf\u00e9 \u4e2d A100", "caf\u00e9 \u4e2d A100")]
    public void Escape_ControlAndBidiCharacters_BecomeVisibleEscapesAndPrintableTextIsKept(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Escape(text));
    }

    [Fact]
    public async Task JobsGet_ServerTextWithControlSequences_PrintsThemAsVisibleEscapes()
    {
        var job = Samples.RunningJob();
        job.Spec.Name = "llm\u202eexe";
        job.StateReason = Hostile;
        job.Transitions[1].Reason = Hostile;
        _placectl.Api.OnGet = _ => job;

        var result = await _placectl.RunAsync("jobs", "get", "job-7f3a");

        Assert.Equal(0, result.ExitCode);
        AssertNoControlCharacters(result.Stdout);
        Assert.Contains($"Running ({HostileEscaped})", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"llm\u202eexe", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_CandidateDetailWithControlSequences_PrintsThemAsVisibleEscapes()
    {
        var explanation = Samples.PlacedExplanation();
        explanation.Summary = Hostile;
        explanation.Candidates[1].Detail = Hostile;
        _placectl.Api.OnExplain = _ => explanation;

        var result = await _placectl.RunAsync("jobs", "explain", "job-7f3a");

        AssertNoControlCharacters(result.Stdout);
        Assert.Contains(HostileEscaped, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_ServerErrorMessageWithControlSequences_QuotedEscapedOnStderr()
    {
        _placectl.Api.OnGet = _ => throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "job " + Hostile + " not found"));

        var result = await _placectl.RunAsync("jobs", "get", "x");

        Assert.Equal($"error: NOT_FOUND: job {HostileEscaped} not found\n", result.Stderr);
    }

    [Fact]
    public async Task JobsGet_JsonOutput_KeepsTheServerTextExactForScripts()
    {
        var job = Samples.RunningJob();
        job.StateReason = Hostile;
        _placectl.Api.OnGet = _ => job;

        var result = await _placectl.RunAsync("jobs", "get", "job-7f3a", "-o", "json");

        AssertNoControlCharacters(result.Stdout);
        using var parsed = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Hostile, parsed.RootElement.GetProperty("stateReason").GetString());
    }

    [Fact]
    public void RichRenderer_ControlSequencesInEveryKindOfBlock_PrintsThemAsVisibleEscapes()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new RichRenderer(output => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        }));

        renderer.Render([new LinesBlock([Hostile]), new FieldsBlock([new(Hostile, Hostile)]), new TableBlock(Hostile, [Hostile], [[Hostile]])], writer);

        AssertNoControlCharacters(writer.ToString());
        Assert.Contains(@"\x1b]0;PWNED", writer.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoControlCharacters(string output) =>
        Assert.DoesNotContain(output, c => c != '\n' && (char.IsControl(c) || c is '\u202e'));
}
