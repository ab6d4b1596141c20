using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// A stable hash of a validated spec, so "same idempotency key, same spec" is decided the same way by every
/// replica and after every restart. Dictionaries are sorted so key order in the request does not matter.
/// </summary>
public static class SpecFingerprint
{
    public static string Of(JobSpec spec)
    {
        var canonical = spec with
        {
            Container = spec.Container with { Env = Sorted(spec.Container.Env) },
            ClusterSelector = Sorted(spec.ClusterSelector),
            Labels = Sorted(spec.Labels),
        };
        var node = JsonSerializer.SerializeToNode(canonical)!.AsObject();
        // A spec without tolerations hashes as it did before they existed, so stored idempotency keys still match.
        if (spec.Tolerations.Count == 0)
        {
            node.Remove(nameof(JobSpec.Tolerations));
        }
        var json = node.ToJsonString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> values) =>
        new(values.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
