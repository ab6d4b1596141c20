namespace PlacementEngine.Cli.Output;

/// <summary>
/// Aligned plain text with no colour or box drawing, for pipes and CI logs: columns are padded
/// with spaces (like kubectl) so the output stays readable and diffable, and greppable by column.
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
                        writer.WriteLine(line);
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
        var width = block.Fields.Max(f => f.Key.Length) + 1;
        foreach (var (key, value) in block.Fields)
        {
            writer.WriteLine($"{(key + ":").PadRight(width)}  {value}".TrimEnd());
        }
    }

    private static void RenderTable(TableBlock table, TextWriter writer)
    {
        if (table.Title is not null)
        {
            writer.WriteLine(table.Title);
        }

        var widths = table.Headers.Select(h => h.Length).ToArray();
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        WriteRow(table.Headers, widths, writer);
        foreach (var row in table.Rows)
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
