using System.Security.Cryptography;
using Google.Protobuf;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// The default idempotency key for "jobs submit": a hash of the parsed spec. Submitting the same
/// job file twice (a retried CI step, a re-run after a timeout) returns the first job instead of
/// starting a second one. The hash is over the spec, not the raw bytes, so editing comments or
/// reformatting the file does not change it; changing any field does. To run the very same spec
/// again on purpose, use "jobs rerun ID" or pass --idempotency-key.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Prefix = "placectl-";

    /// <summary>128 bits of SHA-256: collisions between distinct specs are not a practical concern.</summary>
    private const int HexLength = 32;

    /// <summary>A key never used before, for "jobs rerun": the same spec again must start a new job.</summary>
    public static string Fresh() => Prefix + "rerun-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexLength / 2));

    public static string ForSpec(JobSpec spec)
    {
        // JobSpecMapping inserts map entries in key order, so equal specs serialize to equal bytes.
        var digest = SHA256.HashData(spec.ToByteArray());
        return Prefix + Convert.ToHexStringLower(digest)[..HexLength];
    }
}
