using System.Collections.Concurrent;
using Grpc.Core;

namespace PlacementEngine.LoadGen.Load;

/// <summary>Makes one call; a failed call throws <see cref="RpcException"/>.</summary>
internal delegate Task UnaryCall(Request request, CancellationToken cancellationToken);

/// <summary>
/// Runs <see cref="LoadPlan.Concurrency"/> callers that take request numbers from one counter, so the requests are
/// spread evenly whatever each call costs. Open loop: a caller waits for its request's due time, and a request
/// that waited for a free caller is late, which its latency shows.
/// </summary>
internal sealed class LoadRunner(TimeProvider time)
{
    public async Task<RunResult> RunAsync(string name, UnaryCall call, LoadPlan plan, CancellationToken cancellationToken, long? startTimestamp = null)
    {
        var start = startTimestamp ?? time.GetTimestamp();
        var limit = plan.Limit;
        var next = -1L;
        var ok = 0L;
        var errors = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latency = new LatencyRecorder();

        async Task CallerAsync()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                var elapsed = time.GetElapsedTime(start);
                if (index >= limit || (!plan.Schedule.IsOpenLoop && plan.Duration is { } d && elapsed >= d))
                {
                    return;
                }
                var due = plan.Schedule.DueAt(index);
                var wait = RateSchedule.WaitFor(due, elapsed);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
                var from = plan.Schedule.IsOpenLoop ? due : time.GetElapsedTime(start);
                try
                {
                    await call(new Request(index, due), cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref ok);
                }
                catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
                {
                    errors.AddOrUpdate(e.StatusCode.ToString(), 1, (_, n) => n + 1);
                }
                latency.Record(time.GetElapsedTime(start) - from);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, plan.Concurrency).Select(_ => Task.Run(CallerAsync, cancellationToken))).ConfigureAwait(false);
        var elapsedTotal = time.GetElapsedTime(start);
        var failed = errors.Values.Sum();
        return new RunResult(name, ok + failed, ok, new Dictionary<string, long>(errors, StringComparer.Ordinal), elapsedTotal, latency.Summarize());
    }
}
