using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlacementEngine.Grains;

/// <summary>
/// How the core's and scheduling's records (jobs, specs, plans) cross grain calls: as JSON through Orleans' own codec,
/// so the core stays free of Orleans. Grain messages of their own are [GenerateSerializer] types instead.
/// </summary>
public static class PlacementJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new ReadOnlySetConverterFactory() },
    };

    public static bool IsCarried(Type type) => type.Namespace is "PlacementEngine.Core" or "PlacementEngine.Scheduling";

    /// <summary>System.Text.Json writes an IReadOnlySet but cannot read one back; a HashSet stands in.</summary>
    private sealed class ReadOnlySetConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ReadOnlySetConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ReadOnlySetConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<HashSet<T>>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
