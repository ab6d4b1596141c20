using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Yaml;

/// <summary>Parses YAML text into documents, turning the parser's exceptions into a located problem.</summary>
public static class YamlText
{
    /// <summary>Every document in the text, or null with the syntax error (duplicate keys are one).</summary>
    public static YamlStream? TryLoad(string yaml, out YamlProblem? error)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
            error = null;
            return stream;
        }
        catch (YamlException e)
        {
            error = new YamlProblem(checked((int)e.Start.Line), checked((int)e.Start.Column), "", Innermost(e).Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way, without a position, on some unterminated flow collections.
            error = new YamlProblem(0, 0, "", "the document ends inside an unclosed [ ] or { }");
            return null;
        }
    }

    /// <summary>True for an empty value (<c>key:</c>, <c>~</c>, <c>null</c>): YAML's null, which reads as the key left out.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>What a node is, for "expected X, got Y" messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    // YamlDotNet wraps the parser's own message (the useful part) in outer exceptions.
    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
