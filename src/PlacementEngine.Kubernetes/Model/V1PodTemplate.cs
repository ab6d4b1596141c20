namespace PlacementEngine.Kubernetes.Model;

// The parts of core/v1 pod templates the Job manifest uses.

internal sealed record V1PodTemplateSpec
{
    public V1ObjectMeta? Metadata { get; init; }
    public V1PodSpec? Spec { get; init; }
}

internal sealed record V1PodSpec
{
    public string? RestartPolicy { get; init; }
    public IReadOnlyDictionary<string, string>? NodeSelector { get; init; }
    public V1Affinity? Affinity { get; init; }
    public IReadOnlyList<V1Toleration>? Tolerations { get; init; }
    public IReadOnlyList<V1Container>? Containers { get; init; }
}

internal sealed record V1Container
{
    public string? Name { get; init; }
    public string? Image { get; init; }
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<string>? Args { get; init; }
    public IReadOnlyList<V1EnvVar>? Env { get; init; }
    public V1ResourceRequirements? Resources { get; init; }
}

internal sealed record V1EnvVar(string Name, string Value);

internal sealed record V1ResourceRequirements
{
    public IReadOnlyDictionary<string, string>? Requests { get; init; }
    public IReadOnlyDictionary<string, string>? Limits { get; init; }
}

internal sealed record V1Toleration
{
    public string? Key { get; init; }
    public string? Operator { get; init; }
    public string? Value { get; init; }
    public string? Effect { get; init; }
}

internal sealed record V1Affinity
{
    public V1NodeAffinity? NodeAffinity { get; init; }
}

internal sealed record V1NodeAffinity
{
    public V1NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; init; }
}

internal sealed record V1NodeSelector
{
    public IReadOnlyList<V1NodeSelectorTerm>? NodeSelectorTerms { get; init; }
}

internal sealed record V1NodeSelectorTerm
{
    public IReadOnlyList<V1NodeSelectorRequirement>? MatchExpressions { get; init; }
}

internal sealed record V1NodeSelectorRequirement
{
    public string? Key { get; init; }
    public string? Operator { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}
