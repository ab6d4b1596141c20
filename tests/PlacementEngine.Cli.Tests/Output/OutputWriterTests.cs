using System.Text.Json;
using Google.Protobuf;
using PlacementEngine.Cli.Output;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.Tests.Output;

public sealed class OutputWriterTests
{
    [Fact]
    public void Write_Json_IsProtobufJsonThatParsesBackToTheSameMessage()
    {
        var job = Samples.RunningJob();

        var text = Write(OutputFormat.Json, job);

        Assert.Equal(job, JsonParser.Default.Parse<Job>(text));
        Assert.Contains("\"state\": \"JOB_STATE_RUNNING\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Yaml_CarriesTheSameDataAsJson()
    {
        var explanation = Samples.PlacedExplanation();

        var yaml = Write(OutputFormat.Yaml, explanation);
        var json = Write(OutputFormat.Json, explanation);

        Assert.Equal(Normalize(JsonDocument.Parse(json).RootElement), Normalize(LoadYaml(yaml)));
    }

    [Fact]
    public void Write_Yaml_KeepsMoneyAndTimesAsQuotedStrings()
    {
        var yaml = Write(OutputFormat.Yaml, Samples.RunningJob());

        Assert.Contains("total: \"23.95536\"", yaml, StringComparison.Ordinal);
        Assert.Contains("createdAt: \"2026-11-21T09:00:00Z\"", yaml, StringComparison.Ordinal);
        Assert.Contains("state: JOB_STATE_RUNNING", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Table_DoesNotPrintJson()
    {
        var text = Write(OutputFormat.Table, Samples.RunningJob(), [new LinesBlock(["hello"])]);

        Assert.Equal("hello\n", text);
    }

    [Fact]
    public void WriteStreamItem_Json_WritesOneObjectPerLine()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var output = new OutputWriter(writer, OutputFormat.Json, new PlainRenderer());

        output.WriteStreamItem(new JobEvent { Job = new Job { Id = "a" } }, () => []);
        output.WriteStreamItem(new JobEvent { Job = new Job { Id = "b" } }, () => []);

        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(["a", "b"], lines.Select(line => JsonParser.Default.Parse<JobEvent>(line).Job.Id));
    }

    private static string Write(OutputFormat format, IMessage message, IReadOnlyList<Block>? view = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new OutputWriter(writer, format, new PlainRenderer()).Write(message, () => view ?? []);
        return writer.ToString();
    }

    private static YamlNode LoadYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    /// <summary>Both trees as "path=value" lines; quoted YAML scalars keep their quotes so types must match too.</summary>
    private static string Normalize(JsonElement element, string path = "")
    {
        return element.ValueKind switch
        {
            JsonValueKind.Object => string.Concat(element.EnumerateObject().Select(p => Normalize(p.Value, $"{path}.{p.Name}"))),
            JsonValueKind.Array => string.Concat(element.EnumerateArray().Select((item, i) => Normalize(item, $"{path}[{i}]"))),
            JsonValueKind.String => $"{path}=\"{element.GetString()}\"\n",
            _ => $"{path}={element.GetRawText()}\n",
        };
    }

    private static string Normalize(YamlNode node, string path = "")
    {
        return node switch
        {
            YamlMappingNode mapping => string.Concat(mapping.Children.Select(p => Normalize(p.Value, $"{path}.{((YamlScalarNode)p.Key).Value}"))),
            YamlSequenceNode sequence => string.Concat(sequence.Children.Select((item, i) => Normalize(item, $"{path}[{i}]"))),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when IsJsonLiteral(scalar.Value!) => $"{path}={scalar.Value}\n",
            YamlScalarNode scalar => $"{path}=\"{scalar.Value}\"\n",
            _ => throw new InvalidOperationException("unexpected node"),
        };
    }

    private static bool IsJsonLiteral(string value) =>
        value is "true" or "false" or "null" || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
}
