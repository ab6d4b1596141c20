using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PlacementEngine.Pricing;

/// <summary>
/// Reads a file line by line, numbering lines from 1 and reporting progress every few thousand lines. Invalid UTF-8
/// becomes U+FFFD instead of an exception, so binary noise turns into ordinary "this line is wrong" problems.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private const int ProgressEveryLines = 4096;

    private readonly Stream _stream;
    private readonly StreamReader _reader;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly long? _totalBytes;

    public LineReader(Stream stream, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _stream = stream;
        _reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        _progress = progress;
        _cancellationToken = cancellationToken;
        _totalBytes = stream.CanSeek ? stream.Length : null;
    }

    /// <summary>The number of the line last read; 0 before the first.</summary>
    public int LineNumber { get; private set; }

    public bool TryReadLine([NotNullWhen(true)] out string? line)
    {
        line = _reader.ReadLine();
        if (line is null)
        {
            Report();
            return false;
        }
        LineNumber++;
        if (LineNumber % ProgressEveryLines == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Report();
        }
        return true;
    }

    public void Dispose() => _reader.Dispose();

    // The position runs ahead of the line by the reader's buffer: close enough for a progress bar.
    private void Report() =>
        _progress?.Report(new ImportProgress(LineNumber, _stream.CanSeek ? _stream.Position : 0, _totalBytes));
}
