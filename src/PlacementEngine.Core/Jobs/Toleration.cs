namespace PlacementEngine.Core;

public enum TolerationOperator
{
    Exists,
    Equal,
}

/// <summary>
/// A pod toleration as Kubernetes defines it: an empty key with Exists tolerates every taint, a null effect
/// tolerates every effect, Exists ignores the value.
/// </summary>
public sealed record Toleration(string Key, TolerationOperator Operator, string Value, TaintEffect? Effect)
{
    /// <summary>What a job asking for GPUs tolerates without saying so, as the GKE and AKS admission add it.</summary>
    public static Toleration NvidiaGpu { get; } = new(Taint.NvidiaGpu.Key, TolerationOperator.Exists, "", null);

    public bool Tolerates(Taint taint) =>
        (Effect is null || Effect == taint.Effect)
        && (Key.Length == 0 ? Operator == TolerationOperator.Exists : Key == taint.Key)
        && (Operator == TolerationOperator.Exists || Value == taint.Value);
}

public static class Tolerations
{
    /// <summary>The job's own tolerations, plus the GPU taint's when a worker asks for GPUs.</summary>
    public static IReadOnlyList<Toleration> Effective(JobSpec spec) =>
        spec.Worker.Gpus > 0 ? [.. spec.Tolerations, Toleration.NvidiaGpu] : spec.Tolerations;

    /// <summary>The first taint of the pool that keeps the job off, or null when the job may run there.</summary>
    public static Taint? FirstUntolerated(IReadOnlyList<Toleration> tolerations, IReadOnlyList<Taint> taints)
    {
        foreach (var taint in taints)
        {
            if (taint.KeepsOff && !tolerations.Any(t => t.Tolerates(taint)))
            {
                return taint;
            }
        }
        return null;
    }
}
