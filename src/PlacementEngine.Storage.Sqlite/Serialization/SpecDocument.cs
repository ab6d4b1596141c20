using System.Text.Json.Serialization;
using PlacementEngine.Core;

namespace PlacementEngine.Storage.Sqlite.Serialization;

/// <summary>
/// A <see cref="JobSpec"/> as stored: a storage shape of its own, so the domain record can evolve while the
/// rows on disk keep their meaning (a change of shape is a migration). Decimals, money, durations and instants
/// are strings (<see cref="StoredText"/>); maps are written in ordinal key order so equal specs write equal JSON.
/// </summary>
internal sealed record SpecDocument(
    string Name,
    string Team,
    ContainerDocument Container,
    WorkerDocument Worker,
    int Workers,
    string EstimatedRuntime,
    ResidencyDocument Residency,
    DataDocument? Data,
    string CapacityPolicy,
    string? CheckpointInterval,
    string? MaxHourlyPrice,
    string? Deadline,
    int Priority,
    IReadOnlyDictionary<string, string> ClusterSelector,
    IReadOnlyDictionary<string, string> Labels,
    // Left out when there are none, so rows written before tolerations existed read the same and specs without them
    // write the same text as before.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TolerationDocument>? Tolerations = null)
{
    public static SpecDocument From(JobSpec spec) => new(
        spec.Name,
        spec.Team,
        new ContainerDocument(spec.Container.Image, [.. spec.Container.Command], [.. spec.Container.Args], Sorted(spec.Container.Env)),
        new WorkerDocument(
            spec.Worker.Gpus,
            [.. spec.Worker.GpuModels],
            StoredText.FormatDecimal(spec.Worker.VCpus),
            StoredText.FormatDecimal(spec.Worker.MemoryGiB)),
        spec.Workers,
        StoredText.FormatDuration(spec.EstimatedRuntime),
        new ResidencyDocument(
            [.. spec.Residency.Jurisdictions.Select(j => j.Code)],
            [.. spec.Residency.Regions.Select(StoredNames.Of)],
            [.. spec.Residency.Clouds.Select(StoredNames.Of)]),
        spec.Data is { } data ? new DataDocument(StoredNames.Of(data.Region), StoredText.FormatDecimal(data.GbRead)) : null,
        StoredNames.Of(spec.CapacityPolicy),
        spec.CheckpointInterval is { } interval ? StoredText.FormatDuration(interval) : null,
        spec.MaxHourlyPrice is { } cap ? StoredText.FormatMoney(cap) : null,
        spec.Deadline is { } deadline ? StoredText.FormatInstant(deadline) : null,
        spec.Priority,
        Sorted(spec.ClusterSelector),
        Sorted(spec.Labels),
        spec.Tolerations.Count == 0 ? null : [.. spec.Tolerations.Select(TolerationDocument.From)]);

    public JobSpec ToSpec() => new(
        Name,
        Team,
        new ContainerSpec(Container.Image, [.. Container.Command], [.. Container.Args], Copy(Container.Env)),
        new WorkerResources(Worker.Gpus, [.. Worker.GpuModels], StoredText.ParseDecimal(Worker.Vcpus), StoredText.ParseDecimal(Worker.MemoryGib)),
        Workers,
        StoredText.ParseDuration(EstimatedRuntime),
        new Residency(
            [.. Residency.Jurisdictions.Select(code => new Jurisdiction(code))],
            [.. Residency.Regions.Select(StoredNames.ParseRegion)],
            [.. Residency.Clouds.Select(StoredNames.ParseCloud)]),
        Data is { } data ? new DataLocation(StoredNames.ParseRegion(data.Region), StoredText.ParseDecimal(data.GbRead)) : null,
        StoredNames.ParsePolicy(CapacityPolicy),
        CheckpointInterval is { } interval ? StoredText.ParseDuration(interval) : null,
        MaxHourlyPrice is { } cap ? StoredText.ParseMoney(cap) : null,
        Deadline is { } deadline ? StoredText.ParseInstant(deadline) : null,
        Priority,
        Copy(ClusterSelector),
        Copy(Labels))
    {
        Tolerations = Tolerations is null ? [] : [.. Tolerations.Select(t => t.ToToleration())],
    };

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> values) =>
        new(values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}

internal sealed record ContainerDocument(
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env);

internal sealed record WorkerDocument(int Gpus, IReadOnlyList<string> GpuModels, string Vcpus, string MemoryGib);

internal sealed record ResidencyDocument(IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Regions, IReadOnlyList<string> Clouds);

internal sealed record DataDocument(string Region, string GbRead);

internal sealed record TolerationDocument(string Key, string Operator, string Value, string? Effect)
{
    public static TolerationDocument From(Toleration toleration) =>
        new(toleration.Key, toleration.Operator.ToString(), toleration.Value, toleration.Effect?.ToWire());

    public Toleration ToToleration() => new(
        Key,
        Enum.TryParse<TolerationOperator>(Operator, ignoreCase: false, out var op) ? op : throw StoredText.Corrupt("toleration operator", Operator),
        Value,
        Effect is null ? null : TaintEffects.TryParse(Effect, out var effect) ? effect : throw StoredText.Corrupt("taint effect", Effect));
}
