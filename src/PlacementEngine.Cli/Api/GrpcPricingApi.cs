using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary><see cref="IPricingApi"/> over the project's HTTP/2 gRPC client.</summary>
internal sealed class GrpcPricingApi : IPricingApi
{
    /// <summary>Parsing and storing a large catalog takes longer than a unary call may; a deadline still bounds a hung server.</summary>
    public static readonly TimeSpan DefaultCommitDeadline = TimeSpan.FromMinutes(10);

    private readonly CliConnection _connection;

    public GrpcPricingApi(ConnectionSettings settings) => _connection = new CliConnection(settings);

    public Task<BeginImportResponse> BeginImportAsync(BeginImportRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.BeginImport, request, BeginImportResponse.Parser, cancellationToken);

    public Task<UploadImportChunkResponse> UploadImportChunkAsync(UploadImportChunkRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.UploadImportChunk, request, UploadImportChunkResponse.Parser, cancellationToken);

    public IAsyncEnumerable<CommitImportEvent> CommitImportAsync(CommitImportRequest request, CancellationToken cancellationToken) =>
        _connection.Stream(PricingServiceMethods.CommitImport, request, CommitImportEvent.Parser, DefaultCommitDeadline, cancellationToken);

    public Task<PriceBookVersion> SetOverrideAsync(SetOverrideRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.SetOverride, request, PriceBookVersion.Parser, cancellationToken);

    public Task<PriceBookVersion> RemoveOverrideAsync(RemoveOverrideRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.RemoveOverride, request, PriceBookVersion.Parser, cancellationToken);

    public Task<ListOverridesResponse> ListOverridesAsync(ListOverridesRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.ListOverrides, request, ListOverridesResponse.Parser, cancellationToken);

    public Task<ListPriceBooksResponse> ListPriceBooksAsync(ListPriceBooksRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.ListPriceBooks, request, ListPriceBooksResponse.Parser, cancellationToken);

    public Task<DiffPriceBooksResponse> DiffPriceBooksAsync(DiffPriceBooksRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.DiffPriceBooks, request, DiffPriceBooksResponse.Parser, cancellationToken);

    public Task<PriceBookVersion> ActivatePriceBookAsync(ActivatePriceBookRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.ActivatePriceBook, request, PriceBookVersion.Parser, cancellationToken);

    public Task<GetPriceResponse> GetPriceAsync(GetPriceRequest request, CancellationToken cancellationToken) =>
        _connection.Unary(PricingServiceMethods.GetPrice, request, GetPriceResponse.Parser, cancellationToken);

    public void Dispose() => _connection.Dispose();
}
