using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Pricing;

/// <summary>
/// A cost ConfigMap (../shared/data/examples/pricing-configmap.yaml) whose data."pricing.yaml" holds the price
/// table, or that table on its own. Lines inside the embedded table are reported as lines of the whole file.
/// </summary>
internal static class ConfigMapParser
{
    /// <summary>Kubernetes caps a ConfigMap at 1 MiB; anything far larger is not one.</summary>
    private const int MaxChars = 4 * 1024 * 1024;

    private const string PricingKey = "pricing.yaml";

    public static ConfigMapDocument? Parse(Stream content, PriceImportRequest request, ProblemList problems, out long linesRead)
    {
        linesRead = 0;
        using var reader = new StreamReader(content, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        // One character past the limit is enough to refuse: a streamed file far larger is never held whole.
        var text = ReadAtMost(reader, MaxChars + 1);
        linesRead = text.Count(c => c == '\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
        if (text.Length > MaxChars)
        {
            problems.Add(0, $"the file is larger than {MaxChars / (1024 * 1024)} MiB, too large for a ConfigMap");
            return null;
        }
        if (Load(text, line => (int)line, problems) is not { } root)
        {
            return null;
        }
        if (!IsConfigMap(root))
        {
            return new PricingYamlReader(request.Validation.Regions, line => (int)line, problems).Read(root);
        }
        if (EmbeddedTable(root, problems) is not { } embedded)
        {
            return null;
        }
        var (tableText, lineOf) = embedded;
        return Load(tableText, lineOf, problems) is { } table
            ? new PricingYamlReader(request.Validation.Regions, lineOf, problems).Read(table)
            : null;
    }

    private static string ReadAtMost(StreamReader reader, int maxChars)
    {
        var text = new StringBuilder();
        var block = new char[16 * 1024];
        int read;
        while (text.Length < maxChars && (read = reader.Read(block, 0, Math.Min(block.Length, maxChars - text.Length))) > 0)
        {
            text.Append(block, 0, read);
        }
        return text.ToString();
    }

    private static YamlMappingNode? Load(string text, Func<long, int> lineOf, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(lineOf(1), "the price table is empty");
            return null;
        }
        if (YamlSafety.Check(text, lineOf) is { } unsafeText)
        {
            problems.Add(unsafeText.Line, unsafeText.Message);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var problem = YamlSafety.Problem(e, text, lineOf);
            problems.Add(problem.Line, problem.Message);
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count > 1 ? stream.Documents[1].RootNode.Start.Line : 1;
            problems.Add(lineOf(line), stream.Documents.Count > 1 ? "expected one YAML document, found more" : "expected a YAML mapping of clouds");
            return null;
        }
        return root;
    }

    private static bool IsConfigMap(YamlMappingNode root) =>
        root.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is "kind" or "apiVersion" or "data");

    /// <summary>The embedded table's text and how its lines map to the file's: a block scalar's lines follow its '|' line.</summary>
    private static (string Text, Func<long, int> LineOf)? EmbeddedTable(YamlMappingNode root, ProblemList problems)
    {
        if (root.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && kind is not YamlScalarNode { Value: "ConfigMap" })
        {
            problems.Add((int)kind.Start.Line, $"kind is {(kind is YamlScalarNode { Value: { } k } ? CellText.Quote(k) : "not text")}, expected ConfigMap");
            return null;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("data"), out var data) || data is not YamlMappingNode dataMap
            || !dataMap.Children.TryGetValue(new YamlScalarNode(PricingKey), out var table) || table is not YamlScalarNode { Value: { } tableText } scalar)
        {
            problems.Add((int)root.Start.Line, $"a price ConfigMap needs data.\"{PricingKey}\" holding the price table as text");
            return null;
        }
        var start = (int)scalar.Start.Line;
        Func<long, int> lineOf = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
            ? line => start + (int)line
            : _ => start;
        return (tableText, lineOf);
    }
}
