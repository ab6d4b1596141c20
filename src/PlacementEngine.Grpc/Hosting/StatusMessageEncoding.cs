using System.Globalization;
using System.Text;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>grpc-message as it travels: percent-encoded UTF-8, every byte outside printable ASCII, and '%', as %XX.</summary>
internal static class StatusMessageEncoding
{
    /// <summary>
    /// The most a status message may take on the wire. It travels in a header, and peers cap all headers together at
    /// a few KB (8 KB by default in gRPC C-core): past that the client fails on the metadata and never reads the status.
    /// </summary>
    public const int MaxEncodedLength = 4 * 1024;

    private const string CutMarker = " … (message cut)";

    public static string Encode(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var text = new StringBuilder(detail.Length);
        foreach (var b in Encoding.UTF8.GetBytes(detail))
        {
            if (IsPlain(b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="detail"/> cut, at a character boundary and marked, so that its encoding fits
    /// <see cref="MaxEncodedLength"/>; unchanged when it already fits.
    /// </summary>
    public static string Bound(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var budget = MaxEncodedLength - EncodedLength(CutMarker);
        var length = 0;
        var fitting = 0; // chars of detail whose encoding fits the budget
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in detail.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(utf8);
            var cost = 0;
            foreach (var b in utf8[..count])
            {
                cost += IsPlain(b) ? 1 : 3;
            }
            length += cost;
            if (length > MaxEncodedLength)
            {
                return detail[..fitting] + CutMarker;
            }
            if (length <= budget)
            {
                fitting += rune.Utf16SequenceLength;
            }
        }
        return detail;
    }

    private static int EncodedLength(string text) => Encode(text).Length;

    private static bool IsPlain(byte b) => b is >= 0x20 and <= 0x7E and not (byte)'%';
}
