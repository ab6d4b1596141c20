using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PlacementEngine.Cli.Output;

/// <summary>
/// A message as YAML with exactly the names and values of its protobuf JSON form (camelCase
/// fields, enum names, money as strings), so -o json and -o yaml are the same data.
/// </summary>
internal static partial class ProtoYaml
{
    public static string Format(IMessage message)
    {
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(message));
        var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(json.RootElement, emitter);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(JsonElement element, IEmitter emitter)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var isEmptyObject = !element.EnumerateObject().Any();
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, isEmptyObject ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    EmitString(property.Name, emitter);
                    Emit(property.Value, emitter);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                var isEmptyArray = element.GetArrayLength() == 0;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, isEmptyArray ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    Emit(item, emitter);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                EmitString(element.GetString()!, emitter);
                break;
            default:
                // Numbers, true, false and null read the same in YAML as in JSON.
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, element.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    /// <summary>Quotes strings a YAML reader would otherwise take for a number, bool, null or date ("12.50", "on").</summary>
    private static void EmitString(string value, IEmitter emitter)
    {
        var style = LooksLikeNonString().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    [GeneratedRegex(@"^(|~|null|true|false|yes|no|on|off|y|n|[-+]?(\.?[0-9].*|\.inf|\.nan)|0[xo].*|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeNonString();
}
