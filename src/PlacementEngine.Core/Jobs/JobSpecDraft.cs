namespace PlacementEngine.Core;

/// <summary>A job request as it arrives, before validation: names are strings, numbers are unchecked.</summary>
public sealed record JobSpecDraft
{
    public string Name { get; init; } = "";
    public string Team { get; init; } = "";
    public string Image { get; init; } = "";
    public IReadOnlyList<string> Command { get; init; } = [];
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public int Gpus { get; init; }
    public IReadOnlyList<string> GpuModels { get; init; } = [];
    public double VCpus { get; init; }
    public double MemoryGiB { get; init; }
    public int Workers { get; init; } = 1;
    public long EstimatedRuntimeSeconds { get; init; }
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Clouds { get; init; } = [];
    public string DataRegion { get; init; } = "";
    public double DataGbRead { get; init; }
    public CapacityPolicy CapacityPolicy { get; init; } = CapacityPolicy.SpotPreferred;
    public long CheckpointIntervalSeconds { get; init; }
    public string MaxHourlyPrice { get; init; } = "";
    public DateTimeOffset? Deadline { get; init; }
    public int Priority { get; init; }
    public IReadOnlyDictionary<string, string> ClusterSelector { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<TolerationDraft> Tolerations { get; init; } = [];
}

/// <summary>A toleration as it arrives: operator and effect are the Kubernetes spellings, empty when not given.</summary>
public sealed record TolerationDraft(string Key, string Operator, string Value, string Effect);

/// <summary>One problem with one field, named the way the API names it (e.g. "spec.worker.gpus").</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
