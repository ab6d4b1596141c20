using k8s.Models;

namespace PlacementEngine.Kubernetes.Watch;

/// <summary>What the list-watch loop observes.</summary>
internal abstract record JobEvent;

/// <summary>A complete list: the state of every selected Job, replacing whatever was known before.</summary>
internal sealed record JobsListed(IReadOnlyList<V1Job> Jobs) : JobEvent;

internal sealed record JobChanged(V1Job Job) : JobEvent;

internal sealed record JobDeleted(V1Job Job) : JobEvent;
