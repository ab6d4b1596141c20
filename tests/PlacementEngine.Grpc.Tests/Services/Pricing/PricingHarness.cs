using System.Text;
using Google.Protobuf;
using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Pricing;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

/// <summary>
/// PricingService over the real price book service and importer, an in-memory store and a fake clock. The store
/// starts with version 1, <see cref="SeedFile"/>, active.
/// </summary>
internal sealed class PricingHarness : IDisposable
{
    public static readonly Caller Admin = new("platform", CallerRole.Admin);
    public static readonly Caller OtherAdmin = new("sre", CallerRole.Admin);
    public static readonly Caller Submitter = new("ml-research", CallerRole.Submitter);

    public const string SeedFile = """
        # placement-prices v1
        cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
        gcp,us-central1,a2-highgpu-1g,3.67,1.10,
        gcp,europe-west4,a2-highgpu-1g,4.04,1.21,
        aws,us-east-1,p4d.24xlarge,32.77,9.83,
        """;

    private PricingHarness(PriceImportLimits limits, IReadOnlyList<PriceKey> poolKeys)
    {
        Books = new PriceBookService(Store, Time, Trigger);
        Importer = new PriceFileImporter(Books);
        Service = new PricingService(Books, Importer, new PricingServiceOptions { Imports = limits, PoolKeys = poolKeys });
    }

    public FakeTimeProvider Time { get; } = new();
    public InMemoryPriceBookStore Store { get; } = new();
    public AsyncSignal Trigger { get; } = new();
    public PriceBookService Books { get; }
    public PriceFileImporter Importer { get; }
    public PricingService Service { get; }

    /// <param name="poolKeys">The fleet's pools as price keys; none by default.</param>
    public static async Task<PricingHarness> StartAsync(PriceImportLimits? limits = null, IReadOnlyList<PriceKey>? poolKeys = null)
    {
        var harness = new PricingHarness(limits ?? new PriceImportLimits(), poolKeys ?? []);
        using var seed = new MemoryStream(Encoding.UTF8.GetBytes(SeedFile));
        var data = PriceImporter.Import(seed, new PriceImportRequest { Format = PriceImportFormat.PlacementV1 }, active: null).Data!;
        await harness.Books.ImportAsync(data, "system", "seed", "shipped catalog", activate: true, default);
        // The seed woke the scheduler; consume that wake so a test sees only the ones its own calls cause.
        await harness.Trigger.WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, default);
        return harness;
    }

    public static ServerCallContext ContextFor(Caller caller, string method = "Test", CancellationToken cancellationToken = default) =>
        TestServerCallContext.For(caller, $"/placement.v1.PricingService/{method}", cancellationToken);

    /// <summary>The header, then the file in chunks of <paramref name="chunkBytes"/> (64 by default, so a file takes several), as a client sends them.</summary>
    public static List<V1.ImportPricesRequest> Messages(string file, V1.ImportPricesHeader? header = null, string fileName = "prices.csv", int chunkBytes = 64)
    {
        var first = header ?? new V1.ImportPricesHeader();
        if (first.FileName.Length == 0)
        {
            first.FileName = fileName;
        }
        var bytes = Encoding.UTF8.GetBytes(file);
        var messages = new List<V1.ImportPricesRequest> { new() { Header = first } };
        for (var offset = 0; offset < bytes.Length; offset += chunkBytes)
        {
            messages.Add(new V1.ImportPricesRequest { Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(chunkBytes, bytes.Length - offset)) });
        }
        return messages;
    }

    /// <summary>Imports a file in one ImportPrices call; the events it streamed, the outcome last.</summary>
    public Task<List<V1.ImportPricesEvent>> ImportAsync(string file, V1.ImportPricesHeader? header = null, Caller? caller = null, string fileName = "prices.csv") =>
        ImportAsync(Messages(file, header, fileName), caller);

    /// <summary>Sends exactly these messages, then half-closes; the events streamed back.</summary>
    public async Task<List<V1.ImportPricesEvent>> ImportAsync(IEnumerable<V1.ImportPricesRequest> messages, Caller? caller = null, RecordingStreamWriter<V1.ImportPricesEvent>? writer = null)
    {
        writer ??= new RecordingStreamWriter<V1.ImportPricesEvent>();
        await Service.ImportPrices(new ListStreamReader<V1.ImportPricesRequest>(messages), writer, ContextFor(caller ?? Admin, "ImportPrices"));
        return writer.Messages;
    }

    public async Task<long?> ActiveVersionAsync() => await Store.GetActiveVersionAsync(default);

    /// <summary>Whether a change woke the scheduler for its next cycle (waits briefly only when it did not).</summary>
    public Task<bool> SchedulerWokenAsync() => Trigger.WaitAsync(TimeSpan.FromSeconds(2), TimeProvider.System, default);

    public void Dispose()
    {
        Importer.Dispose();
        Books.Dispose();
        Trigger.Dispose();
    }
}
