using Google.Protobuf;

namespace PlacementEngine.Cli.Output;

/// <summary>
/// Writes a command's result in the chosen format. JSON and YAML always carry the full response
/// message; the table view is built only when it is shown.
/// </summary>
internal sealed class OutputWriter(TextWriter stdout, OutputFormat format, IBlockRenderer renderer)
{
    private static readonly JsonFormatter IndentedJson = new(JsonFormatter.Settings.Default.WithIndentation("  "));

    public OutputFormat Format => format;

    public void Write(IMessage message, Func<IReadOnlyList<Block>> view)
    {
        switch (format)
        {
            case OutputFormat.Json:
                stdout.WriteLine(IndentedJson.Format(message));
                break;
            case OutputFormat.Yaml:
                stdout.Write(ProtoYaml.Format(message));
                break;
            default:
                renderer.Render(view(), stdout);
                break;
        }

        stdout.Flush();
    }

    /// <summary>
    /// One item of a stream, written as soon as it arrives: JSON as one object per line (NDJSON),
    /// YAML as one document per item, tables as their lines.
    /// </summary>
    public void WriteStreamItem(IMessage message, Func<IReadOnlyList<Block>> view)
    {
        switch (format)
        {
            case OutputFormat.Json:
                stdout.WriteLine(JsonFormatter.Default.Format(message));
                break;
            case OutputFormat.Yaml:
                stdout.WriteLine("---");
                stdout.Write(ProtoYaml.Format(message));
                break;
            default:
                renderer.Render(view(), stdout);
                break;
        }

        stdout.Flush();
    }
}
