using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlacementEngine.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// A YAML node as JSON text, for the protobuf JSON parser. Hand-written because YamlDotNet has no JSON
/// writer for a node tree; it is the inverse of ProtoYaml: quoted scalars are strings, plain ones that read as
/// JSON numbers, booleans or null are those, and any other plain scalar is a string.
/// </summary>
internal static partial class YamlJson
{
    public static string Write(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(node, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(YamlNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode name ? name.Value ?? "" : key.ToString());
                    Write(value, writer);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when YamlText.IsNull(scalar):
                writer.WriteNullValue();
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "true" or "false" } flag:
                writer.WriteBooleanValue(flag.Value == "true");
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } number when JsonNumber().IsMatch(number.Value ?? ""):
                writer.WriteRawValue(number.Value!);
                break;
            case YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value ?? "");
                break;
            default:
                throw new ArgumentException($"unexpected YAML node {node.NodeType}", nameof(node));
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
