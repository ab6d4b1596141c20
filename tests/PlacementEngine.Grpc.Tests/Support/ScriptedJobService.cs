using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Auth;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>
/// A stand-in for the real JobService, served under the real service name so independent clients can use the
/// published stubs. The request's job id picks the behaviour.
/// </summary>
[Authorize]
internal sealed class ScriptedJobService : JobService.JobServiceBase
{
    public const string NotFoundDetail = "job 'ghost' not found: ünïcödé ✓ 100% 東京";
    public const string StreamFailureDetail = "watch stopped after 2 events: cluster ✗ unreachable";
    public const string SecretInCrash = "Password=hunter2";

    public TaskCompletionSource SlowCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource SlowCallCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource EndlessWatchCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task<Job> GetJob(GetJobRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
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
            case var echo when echo.StartsWith("echo:", StringComparison.Ordinal):
                // A handler that quotes its input whole, as a careless error message would.
                throw new RpcException(new Status(StatusCode.NotFound, $"job {echo} not found"));
            case "ghost":
                throw new RpcException(new Status(StatusCode.NotFound, NotFoundDetail));
            case "crash":
                throw new InvalidOperationException($"database said: {SecretInCrash}");
            case "trailer":
                context.ResponseTrailers.Add("x-served-by", "scripted");
                break;
            case "large":
                return new Job { Id = request.Id, StateReason = new string('x', 4096) };
        }
        return new Job
        {
            Id = request.Id,
            Team = caller.Team,
            StateReason = $"{caller.Role}; deadline {(context.Deadline == DateTime.MaxValue ? "none" : "set")}",
        };
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<JobEvent> responseStream, ServerCallContext context)
    {
        switch (request.Id)
        {
            case "fail-after-2":
                await responseStream.WriteAsync(Event(request.Id, JobState.Pending));
                await responseStream.WriteAsync(Event(request.Id, JobState.Placed));
                throw new RpcException(new Status(StatusCode.FailedPrecondition, StreamFailureDetail));
            case "endless":
                await responseStream.WriteAsync(Event(request.Id, JobState.Running));
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
                    await responseStream.WriteAsync(Event(request.Id, state));
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
