using System.Globalization;
using System.Text;

namespace PlacementEngine.Metrics.Prometheus;

/// <summary>Escaping and number spelling of the text exposition format.</summary>
internal static class TextFormat
{
    /// <summary>Label values are quoted, so the quote itself must be escaped along with backslash and newline.</summary>
    public static string EscapeLabelValue(string value) => Escape(value, escapeQuote: true);

    /// <summary>HELP text runs to the end of the line: only backslash and newline are escaped.</summary>
    public static string EscapeHelp(string help) => Escape(help, escapeQuote: false);

    /// <summary>
    /// Shortest text that reads back as the same double. Infinities and NaN use the spellings Prometheus parses;
    /// the exponent is lower case as Go writes it.
    /// </summary>
    public static string FormatDouble(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }
        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        return value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    /// <summary>Exact decimal text without trailing zeros: money is written as stored, never via a double.</summary>
    public static string FormatDecimal(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Escape(string text, bool escapeQuote)
    {
        if (text.AsSpan().IndexOfAny('\\', '\n', '"') < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case '\n': escaped.Append(@"\n"); break;
                case '"' when escapeQuote: escaped.Append("\\\""); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}
