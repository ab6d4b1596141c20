namespace PlacementEngine.Kubernetes.Model;

/// <summary>The body the API server sends with an error (and with some successful deletes).</summary>
internal sealed record V1Status
{
    public const string StatusKind = "Status";

    public string? Kind { get; init; }
    public string? Status { get; init; }
    public string? Message { get; init; }
    public string? Reason { get; init; }
    public int? Code { get; init; }
    public V1StatusDetails? Details { get; init; }
}

internal sealed record V1StatusDetails
{
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<V1StatusCause>? Causes { get; init; }
}

internal sealed record V1StatusCause
{
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public string? Field { get; init; }
}
