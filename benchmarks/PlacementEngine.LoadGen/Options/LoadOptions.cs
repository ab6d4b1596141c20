namespace PlacementEngine.LoadGen.Options;

/// <summary>What the load generator measures.</summary>
internal enum LoadMode
{
    /// <summary>Unary calls as fast as the callers go (or at --rate): requests, statuses, throughput, latency.</summary>
    Throughput,
    /// <summary>Submissions at a sustained --rate, each job watched until it is placed: submit-to-placed latency.</summary>
    PlacedLatency,
    /// <summary>Loads --pending jobs that stay pending, then reads the server's cycle time and memory.</summary>
    PendingCycle,
}

/// <summary>Which unary call a throughput run makes.</summary>
internal enum CallKind
{
    Submit,
    Health,
    /// <summary>The health check (the server's bare ceiling), then SubmitJob, in the same run.</summary>
    Both,
}

internal enum OutputFormat
{
    Table,
    Csv,
}

/// <summary>A validated command line.</summary>
internal sealed record LoadOptions
{
    public const string DefaultTarget = "http://127.0.0.1:50051";
    public const string DefaultMetrics = "http://127.0.0.1:9464/metrics";
    public const string DefaultToken = "dev-ml-research-token";

    /// <summary>The servers called; connection k goes to target k mod their number.</summary>
    public IReadOnlyList<Uri> Targets { get; init; } = [new(DefaultTarget)];
    public string? Token { get; init; } = DefaultToken;
    public LoadMode Mode { get; init; } = LoadMode.Throughput;
    public CallKind Call { get; init; } = CallKind.Submit;
    public int Concurrency { get; init; } = 16;
    public int Connections { get; init; } = 1;
    /// <summary>How long each measured run lasts (unless <see cref="Count"/> ends it first); null: until <see cref="Count"/>.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Requests per measured run; null: run for <see cref="Duration"/>.</summary>
    public long? Count { get; init; }
    /// <summary>Requests per second, issued on a fixed schedule (open loop); null: each caller sends as soon as its last call ended.</summary>
    public double? Rate { get; init; }
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public OutputFormat Format { get; init; } = OutputFormat.Table;
    public Uri Metrics { get; init; } = new(DefaultMetrics);
    public int? ServerPid { get; init; }
    /// <summary>Jobs loaded by the pending-cycle mode.</summary>
    public long Pending { get; init; } = 100_000;
    /// <summary>How long placed-latency follows one job before counting it as not placed.</summary>
    public TimeSpan PlacedTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Cycles the pending-cycle mode waits for once the jobs are loaded, to average their duration.</summary>
    public int Cycles { get; init; } = 3;
    /// <summary>Per-call deadline of unary calls.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
