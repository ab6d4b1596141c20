namespace PlacementEngine.Core;

/// <summary>What a taint does to pods that do not tolerate it, as Kubernetes defines the effects.</summary>
public enum TaintEffect
{
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}

/// <summary>A node taint every node of a pool carries: pods land there only when they tolerate it.</summary>
public sealed record Taint(string Key, string Value, TaintEffect Effect)
{
    /// <summary>The taint the managed Kubernetes services put on GPU node pools.</summary>
    public static Taint NvidiaGpu { get; } = new("nvidia.com/gpu", "", TaintEffect.NoSchedule);

    /// <summary>PreferNoSchedule only steers the Kubernetes scheduler; the other effects keep pods off.</summary>
    public bool KeepsOff => Effect != TaintEffect.PreferNoSchedule;

    public override string ToString() => Value.Length == 0 ? $"{Key}:{Effect.ToWire()}" : $"{Key}={Value}:{Effect.ToWire()}";
}

public static class TaintEffects
{
    public static string ToWire(this TaintEffect effect) => effect switch
    {
        TaintEffect.NoSchedule => "NoSchedule",
        TaintEffect.PreferNoSchedule => "PreferNoSchedule",
        TaintEffect.NoExecute => "NoExecute",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, "unknown taint effect"),
    };

    /// <summary>Parses the Kubernetes spelling exactly (case-sensitive, as the API server does).</summary>
    public static bool TryParse(string text, out TaintEffect effect)
    {
        foreach (var candidate in Enum.GetValues<TaintEffect>())
        {
            if (candidate.ToWire() == text)
            {
                effect = candidate;
                return true;
            }
        }
        effect = default;
        return false;
    }
}
