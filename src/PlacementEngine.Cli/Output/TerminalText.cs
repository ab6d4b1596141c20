using System.Globalization;
using System.Text;

namespace PlacementEngine.Cli.Output;

/// <summary>
/// Makes text safe to print to a terminal: control characters (C0, DEL, C1) and the invisible bidirectional
/// controls that reorder what a reader sees become visible escapes ("\x1b", "\u202e"). Text from the server may come
/// from an older server or another client, so every human-readable path escapes it, whatever its origin.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every unsafe character escaped; <paramref name="keepNewlines"/> lets '\n' through for multi-line messages.</summary>
    public static string Escape(string text, bool keepNewlines = false)
    {
        if (!text.Any(c => IsUnsafe(c, keepNewlines)))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c, keepNewlines) || (keepNewlines && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                escaped.Append(c);
            }
            else if (c <= '\u00ff')
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c, bool keepNewlines) => c switch
    {
        '\n' => !keepNewlines,
        < ' ' or '\u007f' => true, // C0 (ESC starts terminal sequences, CR overwrites the line) and DEL
        >= '\u0080' and <= '\u009f' => true, // C1: a terminal may read 0x9b as ESC [
        '\u061c' or '\u200e' or '\u200f' => true, // bidirectional marks
        >= '\u202a' and <= '\u202e' => true, // bidirectional embeddings and overrides
        >= '\u2066' and <= '\u2069' => true, // bidirectional isolates
        '\u2028' or '\u2029' => true, // line and paragraph separators
        _ => false,
    };
}
