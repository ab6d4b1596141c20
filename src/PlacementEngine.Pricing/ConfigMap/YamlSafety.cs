using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PlacementEngine.Pricing;

/// <summary>
/// Checks YAML with YamlDotNet's streaming parser before the recursive node model loads it: a document nested
/// thousands deep would otherwise exhaust the stack, which no catch can stop. A pricing table is three levels deep.
/// </summary>
internal static class YamlSafety
{
    private const int MaxDepth = 16;

    /// <returns>Null, or the problem with the text.</returns>
    public static ImportProblem? Check(string text, Func<long, int> lineOf)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var depth = 0;
            while (parser.MoveNext())
            {
                if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    return new ImportProblem(lineOf(parser.Current.Start.Line), $"the YAML is nested more than {MaxDepth} levels deep");
                }
                if (parser.Current is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
            return null;
        }
        catch (YamlException e)
        {
            return Problem(e, text, lineOf);
        }
    }

    /// <summary>YamlDotNet places an error at the end of the text on the line after the last one: that is the last line.</summary>
    public static ImportProblem Problem(YamlException e, string text, Func<long, int> lineOf) =>
        new(lineOf(Math.Clamp(e.Start.Line, 1, Math.Max(1, LineCount(text)))), $"not valid YAML: {e.Message}");

    // YAML breaks lines at \r\n, \r, \n, NEL and the Unicode line and paragraph separators.
    private static long LineCount(string text)
    {
        var breaks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029');
        return text.Length > 0 && text[^1] is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' ? breaks : breaks + 1;
    }
}
