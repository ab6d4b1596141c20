using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary><see cref="IPlacementApi"/> over the generated gRPC clients.</summary>
internal sealed class GrpcPlacementApi : IPlacementApi
{
    private readonly CliConnection _connection;
    private readonly JobService.JobServiceClient _jobs;
    private readonly FleetService.FleetServiceClient _fleet;

    public GrpcPlacementApi(ConnectionSettings settings)
    {
        _connection = new CliConnection(settings);
        _jobs = new JobService.JobServiceClient(_connection.Invoker);
        _fleet = new FleetService.FleetServiceClient(_connection.Invoker);
    }

    public Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken) =>
        _jobs.SubmitJobAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<Job> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken) =>
        _jobs.GetJobAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken) =>
        _jobs.ListJobsAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<Job> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken) =>
        _jobs.CancelJobAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public async IAsyncEnumerable<JobEvent> WatchJobAsync(WatchJobRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = _jobs.WatchJob(request, _connection.Stream(fallbackDeadline: null, cancellationToken));
        await foreach (var jobEvent in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return jobEvent;
        }
    }

    public Task<Explanation> ExplainJobAsync(ExplainJobRequest request, CancellationToken cancellationToken) =>
        _jobs.ExplainJobAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<PlanJobsResponse> PlanJobsAsync(PlanJobsRequest request, CancellationToken cancellationToken) =>
        _jobs.PlanJobsAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken) =>
        _fleet.ListClustersAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<ListPoolsResponse> ListPoolsAsync(ListPoolsRequest request, CancellationToken cancellationToken) =>
        _fleet.ListPoolsAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public void Dispose() => _connection.Dispose();
}
