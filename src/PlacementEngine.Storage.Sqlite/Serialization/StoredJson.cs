using System.Text.Json;
using PlacementEngine.Core;

namespace PlacementEngine.Storage.Sqlite.Serialization;

/// <summary>
/// The JSON columns. Deterministic: the same value always writes the same text (fixed property order, sorted
/// maps and sets), so stored rows can be compared and hashed. Reading is strict about missing or null fields.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = false,
    };

    public static string WriteSpec(JobSpec spec) => Write(SpecDocument.From(spec));

    public static JobSpec ReadSpec(string json) => Read<SpecDocument>(json, "job spec").ToSpec();

    public static string WritePlacement(Placement placement) => Write(PlacementDocument.From(placement));

    public static Placement ReadPlacement(string json) => Read<PlacementDocument>(json, "placement").ToPlacement();

    public static string WriteBlockedPools(IEnumerable<string> pools) =>
        Write<IReadOnlyList<string>>([.. pools.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public static IReadOnlySet<string> ReadBlockedPools(string json) =>
        new HashSet<string>(Read<List<string>>(json, "blocked pools"), StringComparer.Ordinal);

    private static string Write<T>(T document) => JsonSerializer.Serialize(document, Options);

    private static T Read<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw StoredText.Corrupt(what, json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"stored {what} cannot be read: {e.Message}", e);
        }
    }
}
