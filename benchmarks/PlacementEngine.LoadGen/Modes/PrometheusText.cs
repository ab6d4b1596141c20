using System.Globalization;

namespace PlacementEngine.LoadGen.Modes;

/// <summary>Reads samples from a Prometheus text exposition (format 0.0.4), the form the server's /metrics serves.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every sample named exactly <paramref name="name"/>, whatever its labels; null when there is none.</summary>
    public static double? Sum(string exposition, string name)
    {
        double? total = null;
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length)
            {
                continue;
            }
            var rest = line[name.Length..];
            if (rest[0] == '{')
            {
                var close = rest.LastIndexOf('}');
                rest = close < 0 ? "" : rest[(close + 1)..];
            }
            else if (rest[0] != ' ')
            {
                continue; // another metric whose name starts with this one (e.g. name_sum for name)
            }
            var value = rest.Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var sample))
            {
                total = (total ?? 0) + sample;
            }
        }
        return total;
    }
}

/// <summary>Reads a field in kB from /proc/PID/status ("VmRSS:    123456 kB").</summary>
internal static class ProcStatus
{
    public static long? Kilobytes(string status, string field)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var parts = line[(field.Length + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
            }
        }
        return null;
    }
}
