using System.Collections.Concurrent;
using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Wire;

/// <summary>placement.v1.JobService as a test scripts it: answers from settable handlers and records each call's request and token.</summary>
internal sealed class FakeJobService : JobService.JobServiceBase
{
    public ConcurrentQueue<(string Method, Google.Protobuf.IMessage Request, string? Authorization)> Calls { get; } = new();

    public Func<SubmitJobRequest, SubmitJobResponse> OnSubmit { get; set; } = _ => throw new RpcException(new Status(StatusCode.Unimplemented, "no SubmitJob answer set"));

    public Func<GetJobRequest, ServerCallContext, Task<Job>> OnGet { get; set; } = (_, _) => throw new RpcException(new Status(StatusCode.Unimplemented, "no GetJob answer set"));

    public IReadOnlyList<JobEvent> WatchEvents { get; set; } = [];

    public override Task<SubmitJobResponse> SubmitJob(SubmitJobRequest request, ServerCallContext context)
    {
        Record(nameof(SubmitJob), request, context);
        return Task.FromResult(OnSubmit(request));
    }

    public override Task<Job> GetJob(GetJobRequest request, ServerCallContext context)
    {
        Record(nameof(GetJob), request, context);
        return OnGet(request, context);
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<JobEvent> responseStream, ServerCallContext context)
    {
        Record(nameof(WatchJob), request, context);
        foreach (var jobEvent in WatchEvents)
        {
            await responseStream.WriteAsync(jobEvent, context.CancellationToken);
        }
    }

    private void Record(string method, Google.Protobuf.IMessage request, ServerCallContext context) =>
        Calls.Enqueue((method, request, context.RequestHeaders.GetValue("authorization")));
}
