using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>
/// A stand-in for the real JobService, registered under the real method names so independent clients can use the
/// published stubs. The request's job id picks the behaviour.
/// </summary>
internal sealed class ScriptedJobService
{
    public const string NotFoundDetail = "job 'ghost' not found: ünïcödé ✓ 100% 東京";
    public const string StreamFailureDetail = "watch stopped after 2 events: cluster ✗ unreachable";
    public const string SecretInCrash = "Password=hunter2";

    public TaskCompletionSource SlowCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource SlowCallCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource EndlessWatchCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddUnary<GetJobRequest, Job>(JobServiceMethods.GetJob, GetJobRequest.Parser, GetJobAsync);
        registry.AddServerStreaming<WatchJobRequest, JobEvent>(JobServiceMethods.WatchJob, WatchJobRequest.Parser, WatchJobAsync);
    }

    private async Task<Job> GetJobAsync(GetJobRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        switch (request.Id)
        {
            case "slow":
                SlowCallStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    SlowCallCancelled.TrySetResult();
                    throw;
                }
                break;
            case "ghost":
                throw new RpcException(StatusCode.NotFound, NotFoundDetail);
            case "crash":
                throw new InvalidOperationException($"database said: {SecretInCrash}");
            case "trailer":
                context.AddResponseTrailer("x-served-by", "scripted");
                break;
        }
        return new Job
        {
            Id = request.Id,
            Team = caller.Team,
            StateReason = $"{caller.Role}; deadline {(context.Deadline is null ? "none" : "set")}",
        };
    }

    private async Task WatchJobAsync(WatchJobRequest request, IServerStreamWriter<JobEvent> writer, ServerCallContext context)
    {
        switch (request.Id)
        {
            case "fail-after-2":
                await writer.WriteAsync(Event(request.Id, JobState.Pending));
                await writer.WriteAsync(Event(request.Id, JobState.Placed));
                throw new RpcException(StatusCode.FailedPrecondition, StreamFailureDetail);
            case "endless":
                await writer.WriteAsync(Event(request.Id, JobState.Running));
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    EndlessWatchCancelled.TrySetResult();
                    throw;
                }
                break;
            default:
                foreach (var state in new[] { JobState.Pending, JobState.Placed, JobState.Running })
                {
                    await writer.WriteAsync(Event(request.Id, state));
                }
                break;
        }
    }

    private static JobEvent Event(string id, JobState state) => new()
    {
        Job = new Job { Id = id, State = state },
        Transition = new StateTransition { To = state, Reason = $"now {state}" },
    };
}
