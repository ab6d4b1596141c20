using System.Globalization;
using System.Text;

namespace PlacementEngine.Core;

/// <summary>
/// The text that identifies a <see cref="RequirementClass"/>: every spec field the class-level checks read, with
/// lists and selectors sorted because the checks only ask "is it among them".
/// </summary>
internal static class RequirementKey
{
    public static string Of(JobSpec spec)
    {
        var key = new StringBuilder(128);
        var worker = spec.Worker;
        key.Append(worker.Gpus).Append('|');
        AppendSorted(key, worker.GpuModels);
        key.Append(worker.VCpus.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(worker.MemoryGiB.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append((int)spec.CapacityPolicy).Append('|');
        AppendSorted(key, spec.Residency.Jurisdictions.Select(j => j.Code));
        AppendSorted(key, spec.Residency.Regions.Select(r => r.ToString()));
        AppendSorted(key, spec.Residency.Clouds.Select(c => c.ToWire()));
        AppendSorted(key, spec.ClusterSelector.Select(kv => $"{kv.Key}\u001e{kv.Value}"));
        return key.ToString();
    }

    private static void AppendSorted(StringBuilder key, IEnumerable<string> items)
    {
        foreach (var item in items.Order(StringComparer.Ordinal))
        {
            // Unit separators cannot appear in names, so distinct lists never produce the same text.
            key.Append(item).Append('\u001f');
        }
        key.Append('|');
    }
}
