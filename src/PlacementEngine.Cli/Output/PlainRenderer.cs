namespace PlacementEngine.Cli.Output;

/// <summary>
/// Aligned plain text with no colour or box drawing, for pipes and CI logs: columns are padded
/// with spaces (like kubectl) so the output stays readable and diffable, and greppable by column. Control characters
/// in any text are escaped (<see cref="TerminalText"/>), so a pipe to a terminal or a pager is safe too.
/// </summary>
internal sealed class PlainRenderer : IBlockRenderer
{
    private const string ColumnGap = "   ";

    public void Render(IReadOnlyList<Block> blocks, TextWriter writer)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            switch (blocks[i])
            {
                case LinesBlock lines:
                    foreach (var line in lines.Lines)
                    {
                        writer.WriteLine(TerminalText.Escape(line));
                    }

                    break;
                case FieldsBlock fields:
                    RenderFields(fields, writer);
                    break;
                case TableBlock table:
                    RenderTable(table, writer);
                    break;
            }
        }
    }

    private static void RenderFields(FieldsBlock block, TextWriter writer)
    {
        var fields = block.Fields.Select(f => (Key: TerminalText.Escape(f.Key), Value: TerminalText.Escape(f.Value))).ToList();
        var width = fields.Max(f => f.Key.Length) + 1;
        foreach (var (key, value) in fields)
        {
            writer.WriteLine($"{(key + ":").PadRight(width)}  {value}".TrimEnd());
        }
    }

    private static void RenderTable(TableBlock table, TextWriter writer)
    {
        if (table.Title is not null)
        {
            writer.WriteLine(TerminalText.Escape(table.Title));
        }

        var headers = table.Headers.Select(h => TerminalText.Escape(h)).ToList();
        var rows = table.Rows.Select(row => row.Select(cell => TerminalText.Escape(cell)).ToList()).ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        WriteRow(headers, widths, writer);
        foreach (var row in rows)
        {
            WriteRow(row, widths, writer);
        }
    }

    private static void WriteRow(IReadOnlyList<string> cells, int[] widths, TextWriter writer)
    {
        var padded = cells.Select((cell, c) => cell.PadRight(widths[c]));
        writer.WriteLine(string.Join(ColumnGap, padded).TrimEnd());
    }
}
