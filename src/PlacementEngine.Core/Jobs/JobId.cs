namespace PlacementEngine.Core;

/// <summary>A job's identity: short, lowercase and DNS-label safe so it can name Kubernetes objects.</summary>
public readonly record struct JobId(string Value)
{
    public override string ToString() => Value;
}
