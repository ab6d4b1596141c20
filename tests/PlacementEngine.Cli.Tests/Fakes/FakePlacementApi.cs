using PlacementEngine.Cli.Api;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Fakes;

/// <summary>Answers each call from a settable handler and records every request it saw.</summary>
internal sealed class FakePlacementApi : IPlacementApi
{
    public List<Google.Protobuf.IMessage> Requests { get; } = [];

    public Func<SubmitJobRequest, SubmitJobResponse> OnSubmit { get; set; } = _ => throw new NotSupportedException("no SubmitJob answer set");

    public Func<GetJobRequest, Job> OnGet { get; set; } = _ => throw new NotSupportedException("no GetJob answer set");

    public Func<ListJobsRequest, ListJobsResponse> OnList { get; set; } = _ => new ListJobsResponse();

    public Func<CancelJobRequest, Job> OnCancel { get; set; } = _ => throw new NotSupportedException("no CancelJob answer set");

    public IReadOnlyList<JobEvent> WatchEvents { get; set; } = [];

    public Func<ExplainJobRequest, Explanation> OnExplain { get; set; } = _ => throw new NotSupportedException("no ExplainJob answer set");

    public Func<PlanJobsRequest, PlanJobsResponse> OnPlan { get; set; } = _ => throw new NotSupportedException("no PlanJobs answer set");

    public Func<ListClustersRequest, ListClustersResponse> OnListClusters { get; set; } = _ => new ListClustersResponse();

    public Func<ListPoolsRequest, ListPoolsResponse> OnListPools { get; set; } = _ => new ListPoolsResponse();

    public bool Disposed { get; private set; }

    public Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken) => Answer(request, OnSubmit);

    public Task<Job> GetJobAsync(GetJobRequest request, CancellationToken cancellationToken) => Answer(request, OnGet);

    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken) => Answer(request, OnList);

    public Task<Job> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken) => Answer(request, OnCancel);

    public async IAsyncEnumerable<JobEvent> WatchJobAsync(WatchJobRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests.Add(request);
        foreach (var jobEvent in WatchEvents)
        {
            await Task.Yield();
            yield return jobEvent;
        }
    }

    public Task<Explanation> ExplainJobAsync(ExplainJobRequest request, CancellationToken cancellationToken) => Answer(request, OnExplain);

    public Task<PlanJobsResponse> PlanJobsAsync(PlanJobsRequest request, CancellationToken cancellationToken) => Answer(request, OnPlan);

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken) => Answer(request, OnListClusters);

    public Task<ListPoolsResponse> ListPoolsAsync(ListPoolsRequest request, CancellationToken cancellationToken) => Answer(request, OnListPools);

    public void Dispose() => Disposed = true;

    private Task<TResponse> Answer<TRequest, TResponse>(TRequest request, Func<TRequest, TResponse> handler)
        where TRequest : Google.Protobuf.IMessage
    {
        Requests.Add(request);
        return Task.FromResult(handler(request));
    }
}
