using System.Text;

namespace PlacementEngine.Cli.Output;

/// <summary>
/// A writer for stderr that escapes what <see cref="TerminalText"/> calls unsafe, keeping line breaks: errors and
/// progress quote the server's words, and those must not drive the terminal.
/// </summary>
internal sealed class TerminalSafeWriter : TextWriter
{
    private readonly TextWriter _inner;

    public TerminalSafeWriter(TextWriter inner)
    {
        _inner = inner;
        CoreNewLine = _inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => _inner.Write(TerminalText.Escape(value.ToString(), keepNewlines: true));

    public override void Write(string? value) => _inner.Write(value is null ? null : TerminalText.Escape(value, keepNewlines: true));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => _inner.WriteLine(value is null ? null : TerminalText.Escape(value, keepNewlines: true));

    public override void WriteLine() => _inner.WriteLine();

    public override void Flush() => _inner.Flush();
}
