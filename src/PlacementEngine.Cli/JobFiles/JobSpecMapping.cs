using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Yaml;

namespace PlacementEngine.Cli.JobFiles;

/// <summary>
/// Maps the job.yaml shape onto JobSpec. Only shape and types are checked here; what makes a
/// spec schedulable (required fields, GPU models that exist) is the server's call, so the rules
/// live in one place and the error names the same field either way.
/// </summary>
internal static class JobSpecMapping
{
    public static JobSpec ToJobSpec(YamlMap root)
    {
        var spec = new JobSpec
        {
            Name = root.String("name") ?? "",
            Team = root.String("team") ?? "",
            Container = ReadContainer(root),
            Workers = root.Int("workers", 1, int.MaxValue) ?? JobFileKeys.DefaultWorkers,
            EstimatedRuntimeSeconds = root.DurationSeconds("estimatedRuntime") ?? 0,
            CapacityPolicy = root.OneOf("capacityPolicy", JobFileKeys.CapacityPolicies) ?? CapacityPolicy.Unspecified,
            CheckpointIntervalSeconds = root.DurationSeconds("checkpointInterval") ?? 0,
            MaxHourlyPrice = root.DollarAmount("maxHourlyPrice") ?? "",
            Priority = root.Int("priority", 0, JobFileKeys.MaxPriority) ?? 0,
        };

        spec.Worker = ReadWorker(root);
        spec.Residency = ReadResidency(root);
        spec.Data = ReadData(root);
        if (root.Timestamp("deadline") is { } deadline)
        {
            spec.Deadline = Timestamp.FromDateTimeOffset(deadline);
        }

        AddAll(spec.ClusterSelector, root.Entries("clusterSelector"));
        AddAll(spec.Labels, root.Entries("labels"));
        spec.Tolerations.AddRange(root.Maps("tolerations", JobFileKeys.Toleration).Select(ReadToleration));
        return spec;
    }

    private static ContainerSpec ReadContainer(YamlMap root)
    {
        var container = new ContainerSpec { Image = root.String("image") ?? "" };
        container.Command.AddRange(root.Strings("command"));
        container.Args.AddRange(root.Strings("args"));
        AddAll(container.Env, root.Entries("env"));
        return container;
    }

    private static WorkerResources? ReadWorker(YamlMap root)
    {
        if (root.Map("worker", JobFileKeys.Worker) is not { } worker)
        {
            return null;
        }

        var resources = new WorkerResources
        {
            Gpus = worker.Int("gpus", 0, int.MaxValue) ?? 0,
            Vcpus = worker.Number("vcpus") ?? 0,
            MemoryGib = worker.Number("memoryGiB") ?? 0,
        };
        resources.GpuModels.AddRange(worker.Strings("gpuModels"));
        return resources;
    }

    private static Residency? ReadResidency(YamlMap root)
    {
        if (root.Map("residency", JobFileKeys.Residency) is not { } residency)
        {
            return null;
        }

        var result = new Residency();
        result.Jurisdictions.AddRange(residency.Strings("jurisdictions"));
        result.Regions.AddRange(residency.Strings("regions"));
        result.Clouds.AddRange(residency.Strings("clouds"));
        return result;
    }

    private static DataLocation? ReadData(YamlMap root)
    {
        if (root.Map("data", JobFileKeys.Data) is not { } data)
        {
            return null;
        }

        return new DataLocation
        {
            Region = data.String("region") ?? "",
            GbRead = data.Number("gbRead") ?? 0,
        };
    }

    private static Toleration ReadToleration(YamlMap toleration) => new()
    {
        Key = toleration.String("key") ?? "",
        Operator = toleration.String("operator") ?? "",
        Value = toleration.String("value") ?? "",
        Effect = toleration.String("effect") ?? "",
    };

    /// <summary>Sorted by key, so the same file always yields the same spec bytes.</summary>
    private static void AddAll(Google.Protobuf.Collections.MapField<string, string> target, IReadOnlyList<YamlEntry> entries)
    {
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            target.Add(entry.Name, entry.Text);
        }
    }
}
