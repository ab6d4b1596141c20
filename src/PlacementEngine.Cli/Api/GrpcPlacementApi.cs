using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary><see cref="IPlacementApi"/> over the project's HTTP/2 gRPC client.</summary>
internal sealed class GrpcPlacementApi : IPlacementApi
{
    private readonly CliConnection _connection;

    public GrpcPlacementApi(ConnectionSettings settings) => _connection = new CliConnection(settings);

    public Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(JobServiceMethods.SubmitJob, request, SubmitJobResponse.Parser, cancellationToken);

    public Task<Job> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(JobServiceMethods.GetJob, request, Job.Parser, cancellationToken);

    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(JobServiceMethods.ListJobs, request, ListJobsResponse.Parser, cancellationToken);

    public Task<Job> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(JobServiceMethods.CancelJob, request, Job.Parser, cancellationToken);

    public IAsyncEnumerable<JobEvent> WatchJobAsync(WatchJobRequest request, CancellationToken cancellationToken) =>
        _connection.Stream(JobServiceMethods.WatchJob, request, JobEvent.Parser, fallbackDeadline: null, cancellationToken);

    public Task<Explanation> ExplainJobAsync(ExplainJobRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(JobServiceMethods.ExplainJob, request, Explanation.Parser, cancellationToken);

    public Task<PlanJobsResponse> PlanJobsAsync(PlanJobsRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(JobServiceMethods.PlanJobs, request, PlanJobsResponse.Parser, cancellationToken);

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(FleetServiceMethods.ListClusters, request, ListClustersResponse.Parser, cancellationToken);

    public Task<ListPoolsResponse> ListPoolsAsync(ListPoolsRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(FleetServiceMethods.ListPools, request, ListPoolsResponse.Parser, cancellationToken);

    public void Dispose() => _connection.Dispose();
}
