using System.Globalization;
using System.Text;

namespace PlacementEngine.Core;

/// <summary>
/// What error messages may quote of untrusted input, and which characters no field may hold. Quoting is bounded
/// because refusals travel in grpc-message, a header: echoing a 20 KB value whole breaks the client's header limit
/// and turns a clear INVALID_ARGUMENT into a transport error.
/// </summary>
public static class InputText
{
    /// <summary>Characters of a value an error message shows; the rest is summarised as a length.</summary>
    public const int MaxQuotedChars = 64;

    /// <summary>
    /// The value as an error may show it: at most <see cref="MaxQuotedChars"/> characters, then "…" and the full
    /// length; unsafe characters escaped as \uXXXX so a terminal or log shows them instead of acting on them.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cut = value.Length <= MaxQuotedChars ? value.Length : MaxQuotedChars;
        // Never split a surrogate pair: half a pair is not valid UTF-8 on the wire.
        if (cut < value.Length && cut > 0 && char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }
        var text = new StringBuilder(cut + 32);
        for (var i = 0; i < cut; i++)
        {
            var c = value[i];
            if (IsUnsafe(c) || (char.IsSurrogate(c) && !IsPairAt(value, i, cut)))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }
        if (cut < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }
        return text.ToString();
    }

    /// <summary>
    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates: they make a name print
    /// differently from what it is (a reversed suffix, a hidden newline in a log line), so no field holds them.
    /// </summary>
    public static bool IsUnsafe(char c) =>
        c is < '\u0020' or (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The index of the first unsafe character, or -1.</summary>
    public static int IndexOfUnsafe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsUnsafe(value[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsPairAt(string value, int i, int end) =>
        char.IsHighSurrogate(value[i])
            ? i + 1 < end && char.IsLowSurrogate(value[i + 1])
            : i > 0 && char.IsHighSurrogate(value[i - 1]);
}
