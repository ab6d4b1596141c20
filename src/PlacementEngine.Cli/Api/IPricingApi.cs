using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary>The placement.v1.PricingService calls "placectl pricing" makes (admin only), one per RPC, fakeable in tests.</summary>
internal interface IPricingApi : IDisposable
{
    /// <summary>
    /// One ImportPrices call: sends <paramref name="requests"/> (the header, then the file's chunks) as the server takes
    /// them, then half-closes; yields progress, then the outcome or the rejection. A rejected file then ends in INVALID_ARGUMENT.
    /// </summary>
    IAsyncEnumerable<ImportPricesEvent> ImportPricesAsync(IAsyncEnumerable<ImportPricesRequest> requests, CancellationToken cancellationToken);

    Task<PriceBookVersion> SetOverrideAsync(SetOverrideRequest request, CancellationToken cancellationToken);

    Task<PriceBookVersion> RemoveOverrideAsync(RemoveOverrideRequest request, CancellationToken cancellationToken);

    Task<ListOverridesResponse> ListOverridesAsync(ListOverridesRequest request, CancellationToken cancellationToken);

    Task<ListPriceBooksResponse> ListPriceBooksAsync(ListPriceBooksRequest request, CancellationToken cancellationToken);

    Task<DiffPriceBooksResponse> DiffPriceBooksAsync(DiffPriceBooksRequest request, CancellationToken cancellationToken);

    Task<PriceBookVersion> ActivatePriceBookAsync(ActivatePriceBookRequest request, CancellationToken cancellationToken);

    Task<GetPriceResponse> GetPriceAsync(GetPriceRequest request, CancellationToken cancellationToken);
}
