using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlacementEngine.Kubernetes.Model;

/// <summary>JSON as the Kubernetes API writes it: camelCase fields, absent rather than null.</summary>
internal static class KubeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
