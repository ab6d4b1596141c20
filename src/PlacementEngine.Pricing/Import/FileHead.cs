using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace PlacementEngine.Pricing;

/// <summary>The start of a file, decoded, to tell its format before it is parsed.</summary>
/// <param name="IsWholeFile">True when the file ends within the head, so a blank head is an empty file.</param>
internal readonly record struct FileHead(string Text, bool IsWholeFile)
{
    public const int Bytes = 8192;

    private static readonly UTF8Encoding Lenient = new(false, false);

    /// <summary>Reads the head of a seekable stream and puts the position back, so the parser starts at the top.</summary>
    public static FileHead Read(Stream input)
    {
        var start = input.Position;
        var buffer = new byte[Bytes];
        var read = input.ReadAtLeast(buffer, Bytes, throwOnEndOfStream: false);
        input.Position = start;
        return new FileHead(Lenient.GetString(buffer, 0, read), input.Length - start <= Bytes);
    }

    /// <summary>Looks at the head of a file still arriving without taking it: the parser then reads from the first byte.</summary>
    public static async ValueTask<FileHead> PeekAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAtLeastAsync(Bytes, cancellationToken).ConfigureAwait(false);
        var buffer = result.Buffer;
        var text = Lenient.GetString(buffer.Slice(0, Math.Min(buffer.Length, Bytes)).ToArray());
        var whole = result.IsCompleted && buffer.Length <= Bytes;
        // Nothing consumed and nothing examined, so the parser's first read returns what is here without waiting for more.
        reader.AdvanceTo(buffer.Start);
        return new FileHead(text, whole);
    }
}
