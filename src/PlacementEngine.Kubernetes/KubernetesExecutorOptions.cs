namespace PlacementEngine.Kubernetes;

/// <summary>Timeouts and retry pacing of one cluster's executor. Check with <see cref="Validate"/>.</summary>
public sealed class KubernetesExecutorOptions
{
    public const int DefaultListPageSize = 500;
    public const int MaxListPageSize = 10_000;

    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultWatchTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultInitialRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Bounds each API call other than a watch (the package's HttpClientTimeout). More than zero, at most 10 minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>The server ends each watch after this long and the executor opens another. 1 second to 1 hour.</summary>
    public TimeSpan WatchTimeout { get; init; } = DefaultWatchTimeout;

    /// <summary>First wait after a failed list or watch; doubles per failure up to <see cref="MaxRetryDelay"/>. More than zero.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = DefaultInitialRetryDelay;

    /// <summary>Longest wait between retries. At least <see cref="InitialRetryDelay"/>.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = DefaultMaxRetryDelay;

    /// <summary>Jobs per list page. 1 to <see cref="MaxListPageSize"/>.</summary>
    public int ListPageSize { get; init; } = DefaultListPageSize;

    /// <summary>Every bad value, described; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"RequestTimeout must be more than zero and at most 10 minutes (was {RequestTimeout})");
        }
        if (WatchTimeout < TimeSpan.FromSeconds(1) || WatchTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"WatchTimeout must be between 1 second and 1 hour (was {WatchTimeout})");
        }
        if (InitialRetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"InitialRetryDelay must be more than zero (was {InitialRetryDelay})");
        }
        if (MaxRetryDelay < InitialRetryDelay)
        {
            errors.Add($"MaxRetryDelay must be at least InitialRetryDelay (was {MaxRetryDelay})");
        }
        if (ListPageSize is < 1 or > MaxListPageSize)
        {
            errors.Add($"ListPageSize must be between 1 and {MaxListPageSize} (was {ListPageSize})");
        }
        return errors;
    }
}
