using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// A stable hash of a validated spec, so "same idempotency key, same spec" is decided the same way by every
/// replica and after every restart. Dictionaries are sorted so key order in the request does not matter.
/// </summary>
/// <remarks>
/// Every submission computes one, so the spec is written once, straight to UTF-8, rather than through a JSON
/// document; the bytes are those the stored fingerprints were made from (pinned by the tests).
/// </remarks>
public static class SpecFingerprint
{
    // A spec without tolerations hashes as it did before they existed, so stored idempotency keys still match.
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyTolerations } },
    };

    public static string Of(JobSpec spec)
    {
        var canonical = spec with
        {
            Container = spec.Container with { Env = Sorted(spec.Container.Env) },
            ClusterSelector = Sorted(spec.ClusterSelector),
            Labels = Sorted(spec.Labels),
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, Options)));
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> values) =>
        new(values.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    private static void OmitEmptyTolerations(JsonTypeInfo type)
    {
        if (type.Type != typeof(JobSpec))
        {
            return;
        }
        var tolerations = type.Properties.Single(p => p.Name == nameof(JobSpec.Tolerations));
        tolerations.ShouldSerialize = (_, value) => value is IReadOnlyCollection<Toleration> { Count: > 0 };
    }
}
