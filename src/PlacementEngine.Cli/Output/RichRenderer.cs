using Spectre.Console;
using Spectre.Console.Rendering;

namespace PlacementEngine.Cli.Output;

/// <summary>Spectre.Console tables for an interactive terminal. Cell text is never parsed as markup, and control characters in it are escaped.</summary>
internal sealed class RichRenderer(Func<TextWriter, IAnsiConsole> createConsole) : IBlockRenderer
{
    public RichRenderer()
        : this(writer => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) }))
    {
    }

    public void Render(IReadOnlyList<Block> blocks, TextWriter writer)
    {
        var console = createConsole(writer);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0)
            {
                console.WriteLine();
            }

            console.Write(ToRenderable(blocks[i]));
        }
    }

    private static IRenderable ToRenderable(Block block) => block switch
    {
        LinesBlock lines => new Rows(lines.Lines.Select(line => new Text(TerminalText.Escape(line)))),
        FieldsBlock fields => FieldsGrid(fields),
        TableBlock table => Table(table),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "unknown block"),
    };

    private static Grid FieldsGrid(FieldsBlock block)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (key, value) in block.Fields)
        {
            grid.AddRow(new Text(TerminalText.Escape(key) + ":", new Style(decoration: Decoration.Bold)), new Text(TerminalText.Escape(value)));
        }

        return grid;
    }

    private static Table Table(TableBlock block)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (block.Title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(TerminalText.Escape(block.Title)));
        }

        for (var c = 0; c < block.Headers.Count; c++)
        {
            var column = new TableColumn(new Text(TerminalText.Escape(block.Headers[c]), new Style(decoration: Decoration.Bold)));

            // Names, prices and states stay on one line; only the last column (reasons, labels) wraps.
            column.NoWrap = c < block.Headers.Count - 1;
            table.AddColumn(column);
        }

        foreach (var row in block.Rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(TerminalText.Escape(cell))));
        }

        return table;
    }
}
