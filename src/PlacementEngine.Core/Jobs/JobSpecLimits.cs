namespace PlacementEngine.Core;

/// <summary>
/// Bounds on what one job spec may hold. Everything in a spec is stored, shown by the CLI and dispatched into a
/// Kubernetes object, whose whole size etcd caps at about 1.5 MB; the bounds keep a spec far below that and any
/// one value readable.
/// </summary>
public static class JobSpecLimits
{
    /// <summary>All text of a spec together, in characters: a quarter of what etcd takes for one object.</summary>
    public const int MaxSpecChars = 384 * 1024;

    public const int MaxTeamLength = 63;

    /// <summary>Docker and most registries refuse longer repository names; tag and digest add at most ~200.</summary>
    public const int MaxImageLength = 512;

    public const int MaxCommandEntries = 256;
    public const int MaxArgs = 1024;
    public const int MaxArgLength = 16 * 1024;

    public const int MaxEnvVars = 256;
    public const int MaxEnvNameLength = 256;
    public const int MaxEnvValueLength = 32 * 1024;

    public const int MaxLabels = 64;

    /// <summary>Pods rarely carry more than a handful; the bound keeps a spec from carrying thousands.</summary>
    public const int MaxTolerations = 32;
    public const int MaxClusterSelectorEntries = 32;

    /// <summary>Residency and GPU-model lists: far more than there are regions, clouds or models.</summary>
    public const int MaxListEntries = 64;
    public const int MaxListEntryLength = 128;

    public const int MaxPriceLength = 32;
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>The smallest non-zero vCPU request: Kubernetes counts CPU in millicores.</summary>
    public const double MinVCpus = 0.001;
    public const double MaxVCpus = 4096;

    /// <summary>The smallest non-zero memory request, 1 MiB; the largest, 64 TiB, is beyond any node.</summary>
    public const double MinMemoryGiB = 1.0 / 1024;
    public const double MaxMemoryGiB = 64 * 1024;

    /// <summary>1 EB: beyond any real job, and small enough that its transfer cost fits a decimal.</summary>
    public const double MaxDataGbRead = 1e9;

    /// <summary>A deadline further ahead than this is a typo (a year 2262 deadline overflows time arithmetic).</summary>
    public static readonly TimeSpan MaxDeadlineAhead = TimeSpan.FromDays(5 * 366);
}
