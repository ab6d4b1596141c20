namespace PlacementEngine.Kubernetes.Model;

// The parts of meta/v1 this executor reads or writes.

internal sealed record V1ObjectMeta
{
    public string? Name { get; init; }
    public string? Namespace { get; init; }
    public string? Uid { get; init; }
    public string? ResourceVersion { get; init; }
    public DateTimeOffset? CreationTimestamp { get; init; }
    public DateTimeOffset? DeletionTimestamp { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

internal sealed record V1ListMeta
{
    public string? ResourceVersion { get; init; }

    /// <summary>Set when the server has more items: pass it back to get the next page of the same snapshot.</summary>
    public string? Continue { get; init; }
}

internal sealed record V1List<T>
{
    public V1ListMeta? Metadata { get; init; }
    public IReadOnlyList<T>? Items { get; init; }
}
