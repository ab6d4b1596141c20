using PlacementEngine.Cli.Api;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Fakes;

/// <summary>
/// Answers pricing calls from settable handlers and records every request. Uploads are kept, chunk by chunk, so a
/// test can check the file arrived whole and in order.
/// </summary>
internal sealed class FakePricingApi : IPricingApi
{
    public List<Google.Protobuf.IMessage> Requests { get; } = [];

    public int MaxChunkBytes { get; set; } = 1024;

    public MemoryStream Uploaded { get; } = new();

    /// <summary>What CommitImport streams; a handler may throw to end the stream with a status.</summary>
    public Func<CommitImportRequest, IEnumerable<CommitImportEvent>> OnCommit { get; set; } = _ => throw new NotSupportedException("no CommitImport answer set");

    public Func<SetOverrideRequest, PriceBookVersion> OnSetOverride { get; set; } = _ => throw new NotSupportedException("no SetOverride answer set");

    public Func<RemoveOverrideRequest, PriceBookVersion> OnRemoveOverride { get; set; } = _ => throw new NotSupportedException("no RemoveOverride answer set");

    public Func<ListOverridesRequest, ListOverridesResponse> OnListOverrides { get; set; } = _ => new ListOverridesResponse();

    public Func<ListPriceBooksRequest, ListPriceBooksResponse> OnListPriceBooks { get; set; } = _ => new ListPriceBooksResponse();

    public Func<DiffPriceBooksRequest, DiffPriceBooksResponse> OnDiff { get; set; } = _ => throw new NotSupportedException("no DiffPriceBooks answer set");

    public Func<ActivatePriceBookRequest, PriceBookVersion> OnActivate { get; set; } = _ => throw new NotSupportedException("no ActivatePriceBook answer set");

    public Func<GetPriceRequest, GetPriceResponse> OnGetPrice { get; set; } = _ => throw new NotSupportedException("no GetPrice answer set");

    public bool Disposed { get; private set; }

    public Task<BeginImportResponse> BeginImportAsync(BeginImportRequest request, CancellationToken cancellationToken) =>
        Answer(request, _ => new BeginImportResponse { UploadId = "upload-1", MaxChunkBytes = MaxChunkBytes });

    public Task<UploadImportChunkResponse> UploadImportChunkAsync(UploadImportChunkRequest request, CancellationToken cancellationToken) =>
        Answer(request, r =>
        {
            Assert.Equal(Uploaded.Length, r.Offset);
            r.Data.WriteTo(Uploaded);
            return new UploadImportChunkResponse { ReceivedBytes = Uploaded.Length };
        });

    public async IAsyncEnumerable<CommitImportEvent> CommitImportAsync(CommitImportRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests.Add(request);
        foreach (var step in OnCommit(request))
        {
            await Task.Yield();
            yield return step;
        }
    }

    public Task<PriceBookVersion> SetOverrideAsync(SetOverrideRequest request, CancellationToken cancellationToken) => Answer(request, OnSetOverride);

    public Task<PriceBookVersion> RemoveOverrideAsync(RemoveOverrideRequest request, CancellationToken cancellationToken) => Answer(request, OnRemoveOverride);

    public Task<ListOverridesResponse> ListOverridesAsync(ListOverridesRequest request, CancellationToken cancellationToken) => Answer(request, OnListOverrides);

    public Task<ListPriceBooksResponse> ListPriceBooksAsync(ListPriceBooksRequest request, CancellationToken cancellationToken) => Answer(request, OnListPriceBooks);

    public Task<DiffPriceBooksResponse> DiffPriceBooksAsync(DiffPriceBooksRequest request, CancellationToken cancellationToken) => Answer(request, OnDiff);

    public Task<PriceBookVersion> ActivatePriceBookAsync(ActivatePriceBookRequest request, CancellationToken cancellationToken) => Answer(request, OnActivate);

    public Task<GetPriceResponse> GetPriceAsync(GetPriceRequest request, CancellationToken cancellationToken) => Answer(request, OnGetPrice);

    public void Dispose() => Disposed = true;

    private Task<TResponse> Answer<TRequest, TResponse>(TRequest request, Func<TRequest, TResponse> handler)
        where TRequest : Google.Protobuf.IMessage
    {
        Requests.Add(request);
        return Task.FromResult(handler(request));
    }
}
