using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Tests.Output;

public sealed class PlainRendererTests
{
    [Fact]
    public void Render_Table_PadsColumnsToWidestCellWithoutTrailingSpaces()
    {
        var table = new TableBlock("Pools", ["NAME", "GPUS"], [["a100-spot", "8"], ["t4", "1"]]);

        var text = Render(table);

        Assert.Equal("Pools\nNAME        GPUS\na100-spot   8\nt4          1\n", text);
    }

    [Fact]
    public void Render_Fields_AlignsValues()
    {
        var fields = new FieldsBlock([new("ID", "job-1"), new("State", "Running")]);

        Assert.Equal("ID:     job-1\nState:  Running\n", Render(fields));
    }

    [Fact]
    public void Render_SeveralBlocks_SeparatesThemWithOneBlankLine()
    {
        var text = Render(new LinesBlock(["a"]), new LinesBlock(["b"]));

        Assert.Equal("a\n\nb\n", text);
    }

    private static string Render(params Block[] blocks)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new PlainRenderer().Render(blocks, writer);
        return writer.ToString();
    }
}
