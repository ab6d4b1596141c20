using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Wire;

/// <summary>
/// placement.v1.PricingService's ImportPrices as a test scripts it: keeps the header and reassembles the chunks as they
/// arrive, then answers with the scripted events (and status).
/// </summary>
internal sealed class FakePricingService : PricingService.PricingServiceBase
{
    public ImportPricesHeader? Header { get; private set; }

    public MemoryStream Received { get; } = new();

    public List<int> ChunkSizes { get; } = [];

    public string? Authorization { get; private set; }

    /// <summary>Whether the client half-closed after its last chunk.</summary>
    public bool HalfClosed { get; private set; }

    /// <summary>Checked before the server reads anything; throwing from it ends the call with that status at once.</summary>
    public Action<ServerCallContext> OnStart { get; set; } = _ => { };

    /// <summary>The events after the whole file arrived; throwing after them ends the call with that status.</summary>
    public Func<ImportPricesHeader, byte[], IEnumerable<ImportPricesEvent>> OnImport { get; set; } =
        (_, _) => throw new RpcException(new Status(StatusCode.Unimplemented, "no ImportPrices answer set"));

    public override async Task ImportPrices(IAsyncStreamReader<ImportPricesRequest> requestStream, IServerStreamWriter<ImportPricesEvent> responseStream, ServerCallContext context)
    {
        Authorization = context.RequestHeaders.GetValue("authorization");
        OnStart(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (request.Header is { } header)
            {
                Header = Header is null ? header : throw new RpcException(new Status(StatusCode.InvalidArgument, "a second header"));
                continue;
            }
            if (Header is null)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "a chunk before the header"));
            }
            ChunkSizes.Add(request.Chunk.Length);
            request.Chunk.WriteTo(Received);
        }
        HalfClosed = true;
        foreach (var step in OnImport(Header!, Received.ToArray()))
        {
            await responseStream.WriteAsync(step, context.CancellationToken);
        }
    }
}
