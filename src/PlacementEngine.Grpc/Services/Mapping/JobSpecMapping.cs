using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PlacementEngine.Core;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// placement.v1 JobSpec to the core's unvalidated draft (the validator judges every value) and a validated
/// core spec back to the wire.
/// </summary>
internal static class JobSpecMapping
{
    /// <param name="team">The team the job is submitted for, already authorised.</param>
    /// <param name="field">How the API names the spec in errors: "spec", or "specs[2]" in a batch.</param>
    public static JobSpecDraft ToDraft(V1.JobSpec spec, string team, string field = "spec") => new()
    {
        Name = spec.Name,
        Team = team,
        Image = spec.Container?.Image ?? "",
        Command = [.. spec.Container?.Command ?? []],
        Args = [.. spec.Container?.Args ?? []],
        Env = Copy(spec.Container?.Env),
        Gpus = spec.Worker?.Gpus ?? 0,
        GpuModels = [.. spec.Worker?.GpuModels ?? []],
        VCpus = spec.Worker?.Vcpus ?? 0,
        MemoryGiB = spec.Worker?.MemoryGib ?? 0,
        // proto3 cannot tell an unset field from 0; an unset gang size means one worker.
        Workers = spec.Workers == 0 ? 1 : spec.Workers,
        EstimatedRuntimeSeconds = spec.EstimatedRuntimeSeconds,
        Jurisdictions = [.. spec.Residency?.Jurisdictions ?? []],
        Regions = [.. spec.Residency?.Regions ?? []],
        Clouds = [.. spec.Residency?.Clouds ?? []],
        DataRegion = spec.Data?.Region ?? "",
        DataGbRead = spec.Data?.GbRead ?? 0,
        CapacityPolicy = spec.CapacityPolicy.ToCore(),
        CheckpointIntervalSeconds = spec.CheckpointIntervalSeconds,
        MaxHourlyPrice = spec.MaxHourlyPrice,
        Deadline = ToDeadline(spec.Deadline, field),
        Priority = spec.Priority,
        ClusterSelector = Copy(spec.ClusterSelector),
        Labels = Copy(spec.Labels),
        Tolerations = [.. spec.Tolerations.Select(t => new TolerationDraft(t.Key, t.Operator, t.Value, t.Effect))],
    };

    public static V1.JobSpec ToProto(this JobSpec spec)
    {
        var proto = new V1.JobSpec
        {
            Name = spec.Name,
            Team = spec.Team,
            Container = new V1.ContainerSpec
            {
                Image = spec.Container.Image,
                Command = { spec.Container.Command },
                Args = { spec.Container.Args },
                Env = { new Dictionary<string, string>(spec.Container.Env) },
            },
            Worker = new V1.WorkerResources
            {
                Gpus = spec.Worker.Gpus,
                GpuModels = { spec.Worker.GpuModels },
                Vcpus = (double)spec.Worker.VCpus,
                MemoryGib = (double)spec.Worker.MemoryGiB,
            },
            Workers = spec.Workers,
            EstimatedRuntimeSeconds = (long)spec.EstimatedRuntime.TotalSeconds,
            Residency = new V1.Residency
            {
                Jurisdictions = { spec.Residency.Jurisdictions.Select(j => j.Code) },
                Regions = { spec.Residency.Regions.Select(r => r.ToString()) },
                Clouds = { spec.Residency.Clouds.Select(c => c.ToWire()) },
            },
            CapacityPolicy = spec.CapacityPolicy.ToProto(),
            CheckpointIntervalSeconds = (long)(spec.CheckpointInterval?.TotalSeconds ?? 0),
            MaxHourlyPrice = spec.MaxHourlyPrice?.ToString() ?? "",
            Priority = spec.Priority,
            ClusterSelector = { new Dictionary<string, string>(spec.ClusterSelector) },
            Labels = { new Dictionary<string, string>(spec.Labels) },
            Tolerations = { spec.Tolerations.Select(ToProto) },
        };
        if (spec.Data is { } data)
        {
            proto.Data = new V1.DataLocation { Region = data.Region.ToString(), GbRead = (double)data.GbRead };
        }
        if (spec.Deadline is { } deadline)
        {
            proto.Deadline = Timestamp.FromDateTimeOffset(deadline);
        }
        return proto;
    }

    private static V1.Toleration ToProto(Toleration toleration) => new()
    {
        Key = toleration.Key,
        Operator = toleration.Operator.ToString(),
        Value = toleration.Value,
        Effect = toleration.Effect?.ToWire() ?? "",
    };

    private static DateTimeOffset? ToDeadline(Timestamp? deadline, string field)
    {
        if (deadline is null)
        {
            return null;
        }
        try
        {
            return deadline.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            // The package's message names neither the field's bounds nor what a valid timestamp is; this one does.
            throw Rpc.Error(StatusCode.InvalidArgument, string.Create(CultureInfo.InvariantCulture,
                $"{field}.deadline: seconds={deadline.Seconds} nanos={deadline.Nanos} is not a valid timestamp; seconds must lie in years 0001-9999 and nanos in 0-999999999"));
        }
    }

    private static Dictionary<string, string> Copy(IDictionary<string, string>? map) =>
        map is null ? [] : new Dictionary<string, string>(map, StringComparer.Ordinal);
}
