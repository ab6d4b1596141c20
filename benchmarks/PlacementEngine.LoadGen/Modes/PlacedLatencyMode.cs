using System.Collections.Concurrent;
using Grpc.Core;
using PlacementEngine.Contracts.V1;
using PlacementEngine.LoadGen.Calls;
using PlacementEngine.LoadGen.Load;
using PlacementEngine.LoadGen.Options;
using PlacementEngine.LoadGen.Output;

namespace PlacementEngine.LoadGen.Modes;

/// <summary>
/// Submissions at a sustained rate; each acknowledged job is watched (WatchJob) until it is placed. Its latency runs
/// from the submission's scheduled time to the event that shows it placed, so a slow acknowledgement counts too;
/// a second row counts from the acknowledgement alone, the scheduler's share once the job is stored.
/// </summary>
internal sealed class PlacedLatencyMode(LoadOptions options, LoadChannels channels, ResultWriter writer, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var submissions = new Submissions(channels, JobSpecs.NewRunId());
        var placed = new LatencyRecorder();
        var fromAck = new LatencyRecorder();
        var notPlaced = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var watches = new ConcurrentQueue<Task>();
        var start = time.GetTimestamp();

        async Task WatchAsync(Request request, Job job, TimeSpan acknowledged)
        {
            var outcome = await PlacedAsync(request.Index, job, cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                var now = time.GetElapsedTime(start);
                placed.Record(now - request.Due);
                fromAck.Record(now - acknowledged);
            }
            else
            {
                notPlaced.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        }

        UnaryCall submit = async (request, ct) =>
        {
            var response = await submissions.SubmitAsync(JobSpecs.Placeable, request, ct).ConfigureAwait(false);
            watches.Enqueue(WatchAsync(request, response.Job, time.GetElapsedTime(start)));
        };
        var plan = new LoadPlan(options.Concurrency, new RateSchedule(options.Rate), options.Count, options.Duration);
        var submitted = await new LoadRunner(time).RunAsync("submit", submit, plan, cancellationToken, start).ConfigureAwait(false);
        await Task.WhenAll(watches).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(start);
        var followed = new RunResult("submit-to-placed", watches.Count, placed.Count, notPlaced, elapsed, placed.Summarize());
        writer.Write([submitted, followed, followed with { Name = "ack-to-placed", Latency = fromAck.Summarize() }]);
        return 0;
    }

    /// <summary>Follows the job until it is placed: null, or why it was not ("not-placed-in-time", its end state, the call's status).</summary>
    private async Task<string?> PlacedAsync(long index, Job job, CancellationToken cancellationToken)
    {
        if (Placed(job.State))
        {
            return null;
        }
        try
        {
            using var watch = new JobService.JobServiceClient(channels.For(index))
                .WatchJob(new WatchJobRequest { Id = job.Id }, channels.WithDeadline(options.PlacedTimeout, cancellationToken));
            await foreach (var update in watch.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = update.Job.State;
                if (Placed(state))
                {
                    return null;
                }
                if (state is JobState.Unschedulable or JobState.Cancelled)
                {
                    return state.ToString().ToLowerInvariant();
                }
            }
            return "watch-ended";
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            return "not-placed-in-time";
        }
        catch (RpcException e)
        {
            return e.StatusCode.ToString();
        }
    }

    /// <summary>Placed or any state only a placed job reaches.</summary>
    internal static bool Placed(JobState state) => state is JobState.Placed or JobState.Dispatched or JobState.Running
        or JobState.Succeeded or JobState.Failed or JobState.Preempted;
}
