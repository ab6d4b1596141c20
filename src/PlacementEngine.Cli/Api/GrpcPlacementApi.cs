using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary><see cref="IPlacementApi"/> over the project's HTTP/2 gRPC client.</summary>
internal sealed class GrpcPlacementApi : IPlacementApi
{
    private readonly GrpcClient _client;
    private readonly ConnectionSettings _settings;

    public GrpcPlacementApi(ConnectionSettings settings)
    {
        _settings = settings;
        try
        {
            _client = new GrpcClient(settings.Server, settings.BearerToken);
        }
        catch (ArgumentException e) when (e.ParamName == "bearerToken")
        {
            throw new CliUsageException("the token (--token or PLACEMENT_TOKEN) contains whitespace or characters that cannot be sent in a header");
        }
    }

    public Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken) =>
        Unary(JobServiceMethods.SubmitJob, request, SubmitJobResponse.Parser, cancellationToken);

    public Task<Job> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken) =>
        Unary(JobServiceMethods.GetJob, request, Job.Parser, cancellationToken);

    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken) =>
        Unary(JobServiceMethods.ListJobs, request, ListJobsResponse.Parser, cancellationToken);

    public Task<Job> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken) =>
        Unary(JobServiceMethods.CancelJob, request, Job.Parser, cancellationToken);

    public IAsyncEnumerable<JobEvent> WatchJobAsync(WatchJobRequest request, CancellationToken cancellationToken) =>
        _client.ServerStreamingAsync(JobServiceMethods.WatchJob, request, JobEvent.Parser, _settings.StreamDeadline, cancellationToken);

    public Task<Explanation> ExplainJobAsync(ExplainJobRequest request, CancellationToken cancellationToken) =>
        Unary(JobServiceMethods.ExplainJob, request, Explanation.Parser, cancellationToken);

    public Task<PlanJobsResponse> PlanJobsAsync(PlanJobsRequest request, CancellationToken cancellationToken) =>
        Unary(JobServiceMethods.PlanJobs, request, PlanJobsResponse.Parser, cancellationToken);

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken) =>
        Unary(FleetServiceMethods.ListClusters, request, ListClustersResponse.Parser, cancellationToken);

    public Task<ListPoolsResponse> ListPoolsAsync(ListPoolsRequest request, CancellationToken cancellationToken) =>
        Unary(FleetServiceMethods.ListPools, request, ListPoolsResponse.Parser, cancellationToken);

    public void Dispose() => _client.Dispose();

    private Task<TResponse> Unary<TRequest, TResponse>(string method, TRequest request, Google.Protobuf.MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TRequest : Google.Protobuf.IMessage
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        _client.UnaryAsync(method, request, parser, _settings.UnaryDeadline, cancellationToken);
}
