using PlacementEngine.Cli.Api;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Fakes;

/// <summary>
/// Answers pricing calls from settable handlers and records every request. An import's chunks are kept in order,
/// so a test can check the file arrived whole.
/// </summary>
internal sealed class FakePricingApi : IPricingApi
{
    public List<Google.Protobuf.IMessage> Requests { get; } = [];

    public MemoryStream Uploaded { get; } = new();

    public List<int> ChunkSizes { get; } = [];

    /// <summary>What ImportPrices streams once the client half-closed; a handler may throw to end the call with a status.</summary>
    public Func<ImportPricesHeader, IEnumerable<ImportPricesEvent>> OnImport { get; set; } = _ => throw new NotSupportedException("no ImportPrices answer set");

    public Func<SetOverrideRequest, PriceBookVersion> OnSetOverride { get; set; } = _ => throw new NotSupportedException("no SetOverride answer set");

    public Func<RemoveOverrideRequest, PriceBookVersion> OnRemoveOverride { get; set; } = _ => throw new NotSupportedException("no RemoveOverride answer set");

    public Func<ListOverridesRequest, ListOverridesResponse> OnListOverrides { get; set; } = _ => new ListOverridesResponse();

    public Func<ListPriceBooksRequest, ListPriceBooksResponse> OnListPriceBooks { get; set; } = _ => new ListPriceBooksResponse();

    public Func<DiffPriceBooksRequest, DiffPriceBooksResponse> OnDiff { get; set; } = _ => throw new NotSupportedException("no DiffPriceBooks answer set");

    public Func<ActivatePriceBookRequest, PriceBookVersion> OnActivate { get; set; } = _ => throw new NotSupportedException("no ActivatePriceBook answer set");

    public Func<GetPriceRequest, GetPriceResponse> OnGetPrice { get; set; } = _ => throw new NotSupportedException("no GetPrice answer set");

    public bool Disposed { get; private set; }

    public async IAsyncEnumerable<ImportPricesEvent> ImportPricesAsync(
        IAsyncEnumerable<ImportPricesRequest> requests,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ImportPricesHeader? header = null;
        await foreach (var request in requests.WithCancellation(cancellationToken))
        {
            if (request.Header is { } first)
            {
                Assert.Null(header);
                header = first;
                Requests.Add(first);
                continue;
            }
            Assert.NotNull(header);
            ChunkSizes.Add(request.Chunk.Length);
            request.Chunk.WriteTo(Uploaded);
        }
        foreach (var step in OnImport(header!))
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
