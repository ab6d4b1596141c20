using Google.Protobuf;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary><see cref="IPricingApi"/> over the project's HTTP/2 gRPC client.</summary>
internal sealed class GrpcPricingApi : IPricingApi
{
    /// <summary>Parsing and storing a large catalog takes longer than a unary call may; a deadline still bounds a hung server.</summary>
    public static readonly TimeSpan DefaultCommitDeadline = TimeSpan.FromMinutes(10);

    private readonly GrpcClient _client;
    private readonly ConnectionSettings _settings;

    public GrpcPricingApi(ConnectionSettings settings)
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

    public Task<BeginImportResponse> BeginImportAsync(BeginImportRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.BeginImport, request, BeginImportResponse.Parser, cancellationToken);

    public Task<UploadImportChunkResponse> UploadImportChunkAsync(UploadImportChunkRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.UploadImportChunk, request, UploadImportChunkResponse.Parser, cancellationToken);

    public IAsyncEnumerable<CommitImportEvent> CommitImportAsync(CommitImportRequest request, CancellationToken cancellationToken) =>
        _client.ServerStreamingAsync(PricingServiceMethods.CommitImport, request, CommitImportEvent.Parser, _settings.StreamDeadline ?? DefaultCommitDeadline, cancellationToken);

    public Task<PriceBookVersion> SetOverrideAsync(SetOverrideRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.SetOverride, request, PriceBookVersion.Parser, cancellationToken);

    public Task<PriceBookVersion> RemoveOverrideAsync(RemoveOverrideRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.RemoveOverride, request, PriceBookVersion.Parser, cancellationToken);

    public Task<ListOverridesResponse> ListOverridesAsync(ListOverridesRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.ListOverrides, request, ListOverridesResponse.Parser, cancellationToken);

    public Task<ListPriceBooksResponse> ListPriceBooksAsync(ListPriceBooksRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.ListPriceBooks, request, ListPriceBooksResponse.Parser, cancellationToken);

    public Task<DiffPriceBooksResponse> DiffPriceBooksAsync(DiffPriceBooksRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.DiffPriceBooks, request, DiffPriceBooksResponse.Parser, cancellationToken);

    public Task<PriceBookVersion> ActivatePriceBookAsync(ActivatePriceBookRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.ActivatePriceBook, request, PriceBookVersion.Parser, cancellationToken);

    public Task<GetPriceResponse> GetPriceAsync(GetPriceRequest request, CancellationToken cancellationToken) =>
        Unary(PricingServiceMethods.GetPrice, request, GetPriceResponse.Parser, cancellationToken);

    public void Dispose() => _client.Dispose();

    private Task<TResponse> Unary<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TRequest : IMessage
        where TResponse : IMessage<TResponse> =>
        _client.UnaryAsync(method, request, parser, _settings.UnaryDeadline, cancellationToken);
}
