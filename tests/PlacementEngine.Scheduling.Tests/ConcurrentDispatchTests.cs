using System.Runtime.CompilerServices;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class ConcurrentDispatchTests
{
    [Fact]
    public async Task DispatchPlaced_ManyPlacedJobs_HandedOverConcurrentlyAndEachRecordedOnce()
    {
        // Answers no dispatch until two are in flight at once: handing jobs over one by one never gets an answer.
        var executor = new RendezvousExecutor("aws-use1", together: 2);
        using var harness = new SchedulerHarness(
            Fleets.Make().Cluster("aws-use1", "aws:us-east-1").Pool("m5.24xlarge", null, 0, CapacityType.OnDemand, 4.61m, 10),
            executorFor: _ => executor);
        var first = await harness.SubmitAsync(JobSpecs.Cpu("first", 4).Obj());
        var second = await harness.SubmitAsync(JobSpecs.Cpu("second", 4).Obj());
        await harness.Cycle.RunOnceAsync(default);

        var accepted = await harness.DispatcherOf("aws-use1").DispatchPlacedAsync(default);

        Assert.Equal(2, accepted);
        Assert.Equal(JobState.Dispatched, (await harness.GetAsync(first)).State);
        Assert.Equal(JobState.Dispatched, (await harness.GetAsync(second)).State);
        Assert.Equal(2, executor.Calls);
    }

    private sealed class RendezvousExecutor(string cluster, int together) : IClusterExecutor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public int Calls => _calls;
        public string Cluster => cluster;
        public bool IsSimulated => false;

        public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) >= together)
            {
                _all.TrySetResult();
            }
            // A guard, not a measurement: a dispatcher that waits for each answer would otherwise hang the test.
            var met = await Task.WhenAny(_all.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken)) == _all.Task;
            return met ? DispatchOutcome.Ok(DispatchNames.For(request.JobId, request.Attempt)) : new DispatchOutcome(false, "", "dispatched one at a time", "timeout");
        }

        public Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken) => Task.CompletedTask;

        public async IAsyncEnumerable<ExecutionUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
