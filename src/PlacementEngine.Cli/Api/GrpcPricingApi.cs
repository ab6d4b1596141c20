using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary><see cref="IPricingApi"/> over the generated gRPC client.</summary>
internal sealed class GrpcPricingApi : IPricingApi
{
    /// <summary>Parsing and storing a large catalog takes longer than a unary call may; a deadline still bounds a hung server.</summary>
    public static readonly TimeSpan DefaultImportDeadline = TimeSpan.FromMinutes(10);

    private readonly CliConnection _connection;
    private readonly PricingService.PricingServiceClient _pricing;

    public GrpcPricingApi(ConnectionSettings settings)
    {
        _connection = new CliConnection(settings);
        _pricing = new PricingService.PricingServiceClient(_connection.Invoker);
    }

    public async IAsyncEnumerable<ImportPricesEvent> ImportPricesAsync(
        IAsyncEnumerable<ImportPricesRequest> requests,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = _pricing.ImportPrices(_connection.Stream(DefaultImportDeadline, cancellationToken));
        var sending = ImportUpload.SendAsync(call, requests, cancellationToken);
        try
        {
            while (await ImportUpload.NextEventAsync(call, sending, cancellationToken))
            {
                yield return call.ResponseStream.Current;
            }
            await sending;
        }
        finally
        {
            // Stopped early (an error, or the caller stopped reading): end the call so the upload stops too.
            call.Dispose();
            await ImportUpload.SettleAsync(sending);
        }
    }

    public Task<PriceBookVersion> SetOverrideAsync(SetOverrideRequest request, CancellationToken cancellationToken) =>
        _pricing.SetOverrideAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<PriceBookVersion> RemoveOverrideAsync(RemoveOverrideRequest request, CancellationToken cancellationToken) =>
        _pricing.RemoveOverrideAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<ListOverridesResponse> ListOverridesAsync(ListOverridesRequest request, CancellationToken cancellationToken) =>
        _pricing.ListOverridesAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<ListPriceBooksResponse> ListPriceBooksAsync(ListPriceBooksRequest request, CancellationToken cancellationToken) =>
        _pricing.ListPriceBooksAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<DiffPriceBooksResponse> DiffPriceBooksAsync(DiffPriceBooksRequest request, CancellationToken cancellationToken) =>
        _pricing.DiffPriceBooksAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<PriceBookVersion> ActivatePriceBookAsync(ActivatePriceBookRequest request, CancellationToken cancellationToken) =>
        _pricing.ActivatePriceBookAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public Task<GetPriceResponse> GetPriceAsync(GetPriceRequest request, CancellationToken cancellationToken) =>
        _pricing.GetPriceAsync(request, _connection.Unary(cancellationToken)).ResponseAsync;

    public void Dispose() => _connection.Dispose();
}
