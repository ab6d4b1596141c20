using System.Runtime.CompilerServices;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>An executor that only answers "real or simulated?" and accepts cancellations.</summary>
internal sealed class StubExecutor(string cluster, bool simulated) : IClusterExecutor
{
    public string Cluster => cluster;

    public bool IsSimulated => simulated;

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DispatchOutcome.Ok(DispatchNames.For(request.JobId, request.Attempt)));

    public Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<ExecutionUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
