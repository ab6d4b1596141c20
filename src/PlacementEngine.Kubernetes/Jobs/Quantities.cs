using System.Globalization;

namespace PlacementEngine.Kubernetes.Jobs;

/// <summary>Kubernetes resource quantities in their canonical spelling ("4", "500m", "16Gi", "1536Mi").</summary>
internal static class Quantities
{
    public static string Cpu(decimal vcpus)
    {
        if (vcpus == decimal.Truncate(vcpus))
        {
            return ((long)vcpus).ToString(CultureInfo.InvariantCulture);
        }
        // Rounding up: a request a little above the spec is safe, one below may starve the worker.
        return ((long)decimal.Ceiling(vcpus * 1000m)).ToString(CultureInfo.InvariantCulture) + "m";
    }

    public static string Memory(decimal gib)
    {
        if (gib == decimal.Truncate(gib))
        {
            return ((long)gib).ToString(CultureInfo.InvariantCulture) + "Gi";
        }
        return ((long)decimal.Ceiling(gib * 1024m)).ToString(CultureInfo.InvariantCulture) + "Mi";
    }
}
