using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary>
/// The calls placectl makes, one per RPC. Commands depend on this rather than on the gRPC client
/// so they can be exercised in-process against a fake.
/// </summary>
internal interface IPlacementApi : IDisposable
{
    Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken);

    Task<Job> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken);

    Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken);

    Task<Job> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<JobEvent> WatchJobAsync(WatchJobRequest request, CancellationToken cancellationToken);

    Task<Explanation> ExplainJobAsync(ExplainJobRequest request, CancellationToken cancellationToken);

    Task<PlanJobsResponse> PlanJobsAsync(PlanJobsRequest request, CancellationToken cancellationToken);

    Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken);

    Task<ListPoolsResponse> ListPoolsAsync(ListPoolsRequest request, CancellationToken cancellationToken);
}
