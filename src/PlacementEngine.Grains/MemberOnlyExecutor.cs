using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>
/// A cluster's executor as the silo's dispatcher uses it: each hand-over first makes sure this silo is still a member
/// of the cluster (<see cref="SiloMembership"/>), so a silo declared dead while it hung hands over nothing when it
/// wakes, while the cluster's grain on another silo already owns those jobs. Everything else passes through.
/// </summary>
internal sealed class MemberOnlyExecutor(IClusterExecutor inner, Func<CancellationToken, ValueTask<bool>> isMember) : IClusterExecutor
{
    public const string NotAMember = "not-a-member";

    public string Cluster => inner.Cluster;

    public bool IsSimulated => inner.IsSimulated;

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        await isMember(cancellationToken).ConfigureAwait(false)
            ? await inner.DispatchAsync(request, cancellationToken).ConfigureAwait(false)
            : new DispatchOutcome(false, DispatchNames.For(request.JobId, request.Attempt), "this silo is no longer a member of the cluster; the cluster's grain lives elsewhere", NotAMember);

    public Task CancelAsync(Core.JobId job, int attempt, CancellationToken cancellationToken) => inner.CancelAsync(job, attempt, cancellationToken);

    public IAsyncEnumerable<ExecutionUpdate> WatchAsync(CancellationToken cancellationToken) => inner.WatchAsync(cancellationToken);

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);
}
