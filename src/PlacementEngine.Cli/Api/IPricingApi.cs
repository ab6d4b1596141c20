using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary>The placement.v1.PricingService calls "placectl pricing" makes (admin only), one per RPC, fakeable in tests.</summary>
internal interface IPricingApi : IDisposable
{
    Task<BeginImportResponse> BeginImportAsync(BeginImportRequest request, CancellationToken cancellationToken);

    Task<UploadImportChunkResponse> UploadImportChunkAsync(UploadImportChunkRequest request, CancellationToken cancellationToken);

    /// <summary>Progress while the server parses and stores the file, then the outcome; a rejected file ends in INVALID_ARGUMENT.</summary>
    IAsyncEnumerable<CommitImportEvent> CommitImportAsync(CommitImportRequest request, CancellationToken cancellationToken);

    Task<PriceBookVersion> SetOverrideAsync(SetOverrideRequest request, CancellationToken cancellationToken);

    Task<PriceBookVersion> RemoveOverrideAsync(RemoveOverrideRequest request, CancellationToken cancellationToken);

    Task<ListOverridesResponse> ListOverridesAsync(ListOverridesRequest request, CancellationToken cancellationToken);

    Task<ListPriceBooksResponse> ListPriceBooksAsync(ListPriceBooksRequest request, CancellationToken cancellationToken);

    Task<DiffPriceBooksResponse> DiffPriceBooksAsync(DiffPriceBooksRequest request, CancellationToken cancellationToken);

    Task<PriceBookVersion> ActivatePriceBookAsync(ActivatePriceBookRequest request, CancellationToken cancellationToken);

    Task<GetPriceResponse> GetPriceAsync(GetPriceRequest request, CancellationToken cancellationToken);
}
