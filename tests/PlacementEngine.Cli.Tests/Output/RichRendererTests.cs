using PlacementEngine.Cli.Output;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Cli.Tests.Fakes;
using Spectre.Console;

namespace PlacementEngine.Cli.Tests.Output;

public sealed class RichRendererTests
{
    [Fact]
    public void Render_Explanation_DrawsChosenRowMarkedInABorderedTable()
    {
        var text = Render(ExplanationView.Build(Samples.PlacedExplanation()));

        var chosenRow = Assert.Single(text.Split('\n'), line => line.Contains("a100-spot", StringComparison.Ordinal));
        Assert.StartsWith("│ * │ gke-ew4", chosenRow, StringComparison.Ordinal);
        Assert.Contains("╭", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextWithMarkupBrackets_PrintsItLiterally()
    {
        var text = Render([new LinesBlock(["reason: [red]not markup[/]"]), new TableBlock("[b]", ["A"], [["[x]"]])]);

        Assert.Contains("reason: [red]not markup[/]", text, StringComparison.Ordinal);
        Assert.Contains("[x]", text, StringComparison.Ordinal);
    }

    private static string Render(IReadOnlyList<Block> blocks)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new RichRenderer(output =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
            });
            console.Profile.Width = 200;
            return console;
        });
        renderer.Render(blocks, writer);
        return writer.ToString();
    }
}
