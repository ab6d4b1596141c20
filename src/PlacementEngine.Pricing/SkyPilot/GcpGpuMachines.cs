using System.Globalization;

namespace PlacementEngine.Pricing;

/// <summary>
/// How GCP GPUs relate to machine types. GCP's catalog prices GPUs apart from the VM (rows with an empty InstanceType),
/// so a GPU node is the host VM row plus the GPU row with the same count in the same zone. Two cases:
/// accelerator-optimized machines (A2, A3, A4, G2) come with a fixed GPU model and count, so their own name keys the
/// combined price; N1 machines take T4, V100, P100, P4 or K80 GPUs attached in 1, 2, 4 or 8, so each combination is
/// its own key, "n1-standard-8-t4x1", as cost ConfigMaps spell them ("n1-standard-16-v100x4").
/// </summary>
internal static class GcpGpuMachines
{
    // Series whose machine type ends in the GPU count: a2-highgpu-8g has 8 A100s; a3-edgegpu-8g-nolssd has 8 H100s.
    private static readonly (string Prefix, string Model)[] CountedSeries =
    [
        ("a2-highgpu-", "A100"), ("a2-megagpu-", "A100"), ("a2-ultragpu-", "A100-80GB"),
        ("a3-highgpu-", "H100"), ("a3-edgegpu-", "H100"), ("a3-megagpu-", "H100-MEGA"), ("a3-ultragpu-", "H200"),
        ("a4-highgpu-", "B200"),
    ];

    // G2 sizes by vCPUs; the L4 count does not follow from the name.
    private static readonly Dictionary<string, int> L4sPerG2Machine = new(StringComparer.Ordinal)
    {
        ["g2-standard-4"] = 1, ["g2-standard-8"] = 1, ["g2-standard-12"] = 1, ["g2-standard-16"] = 1,
        ["g2-standard-24"] = 2, ["g2-standard-32"] = 1, ["g2-standard-48"] = 4, ["g2-standard-96"] = 8,
    };

    // A machine of these series without a rule above would be priced without its GPUs: left out instead.
    private static readonly string[] AcceleratorSeries = ["a2-", "a3-", "a4-", "a4x-", "g2-", "g4-"];

    // GCP attaches GPUs to the general-purpose N1 shapes only (not to megamem, ultramem or the TPU hosts).
    private static readonly string[] AttachingSeries = ["n1-standard-", "n1-highmem-", "n1-highcpu-"];

    private static readonly HashSet<string> AttachableModels = new(StringComparer.Ordinal) { "T4", "V100", "P100", "P4", "K80" };

    public static bool TryGetBuiltInGpus(string machineType, out string model, out int count)
    {
        foreach (var (prefix, seriesModel) in CountedSeries)
        {
            if (machineType.StartsWith(prefix, StringComparison.Ordinal) && TryReadCount(machineType.AsSpan(prefix.Length), out count))
            {
                model = seriesModel;
                return true;
            }
        }
        model = "L4";
        return L4sPerG2Machine.TryGetValue(machineType, out count);
    }

    public static bool IsAcceleratorSeries(string machineType) =>
        AcceleratorSeries.Any(prefix => machineType.StartsWith(prefix, StringComparison.Ordinal));

    public static bool TakesAttachedGpus(string machineType) =>
        AttachingSeries.Any(prefix => machineType.StartsWith(prefix, StringComparison.Ordinal));

    public static bool IsAttachable(string gpuModel) => AttachableModels.Contains(gpuModel);

    /// <summary>The key of an N1 machine with attached GPUs: "n1-standard-8" + 1 x T4 = "n1-standard-8-t4x1".</summary>
    public static string AttachedName(string machineType, string gpuModel, int count) =>
        $"{machineType}-{gpuModel.ToLowerInvariant()}x{count}";

    // "8g" or "8g-nolssd" -> 8.
    private static bool TryReadCount(ReadOnlySpan<char> suffix, out int count)
    {
        var digits = 0;
        while (digits < suffix.Length && char.IsAsciiDigit(suffix[digits]))
        {
            digits++;
        }
        count = 0;
        return digits > 0 && digits < suffix.Length && suffix[digits] == 'g'
            && int.TryParse(suffix[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
    }
}
