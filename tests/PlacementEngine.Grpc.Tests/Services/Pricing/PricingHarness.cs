using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Grpc.Transport;
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

    private PricingHarness(ImportUploadLimits limits)
    {
        Books = new PriceBookService(Store, Time, Trigger);
        Uploads = new ImportUploads(limits, Time);
        Importer = new PriceFileImporter(Books);
        Service = new PricingService(Books, Uploads, Importer, new PricingServiceOptions { Uploads = limits });
    }

    public FakeTimeProvider Time { get; } = new();
    public InMemoryPriceBookStore Store { get; } = new();
    public AsyncSignal Trigger { get; } = new();
    public PriceBookService Books { get; }
    public ImportUploads Uploads { get; }
    public PriceFileImporter Importer { get; }
    public PricingService Service { get; }

    public static async Task<PricingHarness> StartAsync(ImportUploadLimits? limits = null)
    {
        var harness = new PricingHarness(limits ?? new ImportUploadLimits { MaxChunkBytes = 64 });
        using var seed = new MemoryStream(Encoding.UTF8.GetBytes(SeedFile));
        var data = PriceImporter.Import(seed, new PriceImportRequest { Format = PriceImportFormat.PlacementV1 }, active: null).Data!;
        await harness.Books.ImportAsync(data, "system", "seed", "shipped catalog", activate: true, default);
        // The seed woke the scheduler; consume that wake so a test sees only the ones its own calls cause.
        await harness.Trigger.WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, default);
        return harness;
    }

    public static ServerCallContext ContextFor(Caller caller, string method = "Test") =>
        new(new DefaultHttpContext(), new GrpcMethodName(PricingServiceMethods.ServiceName, method), caller, null, CancellationToken.None);

    /// <summary>Uploads <paramref name="file"/> in chunks as placectl does, without committing it.</summary>
    public async Task<string> UploadAsync(string file, Caller? caller = null, string fileName = "prices.csv")
    {
        var context = ContextFor(caller ?? Admin);
        var bytes = Encoding.UTF8.GetBytes(file);
        var begin = await Service.BeginImportAsync(new V1.BeginImportRequest { TotalBytes = bytes.Length, FileName = fileName }, context);
        for (var offset = 0; offset < bytes.Length; offset += begin.MaxChunkBytes)
        {
            var length = Math.Min(begin.MaxChunkBytes, bytes.Length - offset);
            await Service.UploadImportChunkAsync(
                new V1.UploadImportChunkRequest { UploadId = begin.UploadId, Offset = offset, Data = ByteString.CopyFrom(bytes, offset, length) }, context);
        }
        return begin.UploadId;
    }

    /// <summary>Uploads and commits a file; the events the commit streamed, the outcome last.</summary>
    public async Task<List<V1.CommitImportEvent>> ImportAsync(string file, V1.CommitImportRequest? options = null, Caller? caller = null, string fileName = "prices.csv")
    {
        var request = options ?? new V1.CommitImportRequest();
        request.UploadId = await UploadAsync(file, caller, fileName);
        var writer = new RecordingStreamWriter<V1.CommitImportEvent>();
        await Service.CommitImportAsync(request, writer, ContextFor(caller ?? Admin));
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
