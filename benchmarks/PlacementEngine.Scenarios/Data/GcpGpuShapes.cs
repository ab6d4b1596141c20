namespace PlacementEngine.Scenarios;

/// <summary>
/// Which GPUs a GCP node carries. The GCP catalog prices GPUs on separate rows (empty InstanceType, AcceleratorName,
/// AcceleratorCount, price for that many GPUs in that zone), and checking the data shows that the host rows of the
/// accelerator-optimized families exclude their GPUs too: a2-highgpu-1g in us-central1 is 0.73948 $/h for its
/// 12 vCPUs and 85 GiB, and with the 1 x A100 row (2.93391) it makes GCP's list price of 3.67339. So every GPU node
/// is priced host row + GPU row of the same zone, on-demand and spot alike; only the pairing differs:
/// the a2/a3/a4/g2 families have a fixed GPU model and count per machine type, while N1 hosts take attachable GPUs
/// (T4, V100, P100, P4) and are paired here as GCP's documented shapes pair them: 8 vCPUs per GPU.
/// </summary>
public static class GcpGpuShapes
{
    /// <summary>Machine types whose GPUs are fixed. The "-nolssd" and edge variants repeat the same hardware and are left out.</summary>
    private static readonly Dictionary<string, (string Model, int Count)> FixedGpus = new(StringComparer.Ordinal)
    {
        ["a2-highgpu-1g"] = ("A100", 1),
        ["a2-highgpu-2g"] = ("A100", 2),
        ["a2-highgpu-4g"] = ("A100", 4),
        ["a2-highgpu-8g"] = ("A100", 8),
        ["a2-megagpu-16g"] = ("A100", 16),
        ["a2-ultragpu-1g"] = ("A100-80GB", 1),
        ["a2-ultragpu-2g"] = ("A100-80GB", 2),
        ["a2-ultragpu-4g"] = ("A100-80GB", 4),
        ["a2-ultragpu-8g"] = ("A100-80GB", 8),
        ["a3-highgpu-1g"] = ("H100", 1),
        ["a3-highgpu-2g"] = ("H100", 2),
        ["a3-highgpu-4g"] = ("H100", 4),
        ["a3-highgpu-8g"] = ("H100", 8),
        ["a3-megagpu-8g"] = ("H100-MEGA", 8),
        ["a3-ultragpu-8g"] = ("H200", 8),
        ["a4-highgpu-8g"] = ("B200", 8),
        ["g2-standard-4"] = ("L4", 1),
        ["g2-standard-8"] = ("L4", 1),
        ["g2-standard-12"] = ("L4", 1),
        ["g2-standard-16"] = ("L4", 1),
        ["g2-standard-32"] = ("L4", 1),
        ["g2-standard-24"] = ("L4", 2),
        ["g2-standard-48"] = ("L4", 4),
        ["g2-standard-96"] = ("L4", 8),
    };

    /// <summary>GPUs that attach to N1 hosts, with the counts GCP allows for each.</summary>
    private static readonly Dictionary<string, int[]> AttachableGpus = new(StringComparer.Ordinal)
    {
        ["T4"] = [1, 2, 4],
        ["V100"] = [1, 2, 4, 8],
        ["P100"] = [1, 2, 4],
        ["P4"] = [1, 2, 4],
    };

    private const int N1VCpusPerGpu = 8;

    public static bool TryGetFixed(string machineType, out (string Model, int Count) gpus) => FixedGpus.TryGetValue(machineType, out gpus);

    /// <summary>The N1 host for <paramref name="count"/> attached GPUs of <paramref name="model"/>, or null when GCP does not attach that many.</summary>
    public static string? N1HostFor(string model, int count) =>
        AttachableGpus.TryGetValue(model, out var counts) && counts.Contains(count) ? $"n1-standard-{N1VCpusPerGpu * count}" : null;

    /// <summary>The name a paired N1 node goes by: the host machine type and what is attached ("n1-standard-8+1xT4").</summary>
    public static string N1NodeName(string host, string model, int count) => $"{host}+{count}x{model}";
}
