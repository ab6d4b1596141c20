using PlacementEngine.Core;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>Reads a pool's node shape: instance type name, GPUs, vCPU and memory.</summary>
internal static class InstanceTypeReader
{
    private static readonly string[] GpuKeys = ["model", "count"];

    /// <summary>The shape, or null when any part of it is wrong (each part reported).</summary>
    public static InstanceType? Read(YamlMap map)
    {
        var name = map.Text("instanceType", required: true);
        var gpu = ReadGpu(map);
        var vcpus = ReadPositive(map, "vcpus");
        var memory = ReadPositive(map, "memoryGiB");
        if (name is null || gpu is null || vcpus is null || memory is null)
        {
            return null;
        }
        return new InstanceType(name, gpu.Value.Model, gpu.Value.Count, vcpus.Value, memory.Value);
    }

    /// <summary>(null, 0) for a CPU-only pool; null when the gpu entry is wrong.</summary>
    private static (string? Model, int Count)? ReadGpu(YamlMap pool)
    {
        if (pool.Node("gpu") is null)
        {
            return (null, 0);
        }
        if (pool.Map("gpu", GpuKeys) is not { } gpu)
        {
            return null;
        }
        var text = gpu.Text("model", required: true);
        var model = GpuModels.Normalize(text);
        if (text is not null && model is null)
        {
            gpu.Report("model", $"'{text}' is not a GPU model this build knows ({string.Join(", ", GpuModels.Known)})");
        }
        var count = gpu.Integer("count", required: true);
        if (count < 1)
        {
            gpu.Report("count", $"{count} GPUs per node; a GPU pool has 1 or more (leave out gpu for a CPU-only pool)");
            return null;
        }
        return model is null || count is null ? null : (model, count.Value);
    }

    private static decimal? ReadPositive(YamlMap map, string key)
    {
        var value = map.Decimal(key, required: true);
        if (value <= 0m)
        {
            map.Report(key, $"must be more than 0, not {value}");
            return null;
        }
        return value;
    }
}
