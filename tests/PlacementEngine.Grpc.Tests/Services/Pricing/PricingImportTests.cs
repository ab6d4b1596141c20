using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Services;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

public sealed class PricingImportTests
{
    private const string Raised = """
        # placement-prices v1
        cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
        gcp,us-central1,a2-highgpu-1g,3.90,1.20,
        gcp,europe-west4,a2-highgpu-1g,4.04,1.21,
        aws,us-east-1,p4d.24xlarge,32.77,9.83,
        """;

    [Fact]
    public async Task CommitImport_ValidFileInChunks_NewActiveVersionWithCountsAndPricesUsed()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(Raised, new V1.CommitImportRequest { Comment = "list prices up" });

        var outcome = events[^1].Outcome;
        Assert.NotNull(outcome);
        Assert.Equal((2L, true, "platform", "list prices up"), (outcome.Book.Version, outcome.Book.Active, outcome.Book.CreatedBy, outcome.Book.Comment));
        Assert.Equal(("placement-v1", 6), (outcome.Format, outcome.Prices));
        Assert.Equal(2L, await api.ActiveVersionAsync());
        var price = await api.Service.GetPriceAsync(new V1.GetPriceRequest { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g" }, ContextFor(Admin));
        Assert.Equal("3.9", Assert.Single(price.Prices, p => p.CapacityType == V1.CapacityType.OnDemand).HourlyPrice);
    }

    [Fact]
    public async Task CommitImport_AnyFile_StreamsParsingThenStoringProgressBeforeTheOutcome()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(Raised);

        var phases = events.Where(e => e.Progress is not null).Select(e => e.Progress.Phase).Distinct().ToList();
        Assert.Equal(["parsing", "storing"], phases);
        Assert.All(events[..^1], e => Assert.Null(e.Outcome));
        Assert.NotNull(events[^1].Outcome);
    }

    [Fact]
    public async Task CommitImport_NoActivate_StoresVersionButKeepsTheActiveOne()
    {
        using var api = await StartAsync();

        var outcome = (await api.ImportAsync(Raised, new V1.CommitImportRequest { NoActivate = true }))[^1].Outcome;

        Assert.Equal((2L, false), (outcome.Book.Version, outcome.Book.Active));
        Assert.Equal(1L, await api.ActiveVersionAsync());
    }

    [Fact]
    public async Task CommitImport_MalformedFile_InvalidArgumentNamingEveryLineAndNothingStored()
    {
        using var api = await StartAsync();
        const string broken = """
            # placement-prices v1
            cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
            gcp,us-central1,a2-highgpu-1g,abc,1.20,
            gcp,mars-north1,a2-highgpu-1g,4.04,1.21,
            aws,us-east-1,p4d.24xlarge,-3,9.83,
            """;

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(broken, fileName: "broken.csv"));

        Assert.Equal(StatusCode.InvalidArgument, ex.Status);
        Assert.StartsWith("the price file broken.csv was rejected and nothing changed: ", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("\nline 3: ", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("\nline 4: ", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("\nline 5: ", ex.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
        Assert.Equal(1L, await api.ActiveVersionAsync());
        Assert.Equal(0, api.Uploads.OpenCount);
    }

    [Fact]
    public async Task CommitImport_ThousandsOfProblems_ListsAtMostAHundredAndCountsTheRest()
    {
        using var api = await StartAsync(new ImportUploadLimits { MaxChunkBytes = 64 * 1024 });
        var rows = Enumerable.Range(0, 500).Select(i => $"gcp,us-central1,type-{i},not-a-price,1,");
        var file = string.Join('\n', ["# placement-prices v1", "cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd", .. rows]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(file));

        var listed = ex.Detail.Split('\n').Count(l => l.StartsWith("line ", StringComparison.Ordinal));
        Assert.InRange(listed, 1, ImportProblemsMessage.MaxListedProblems);
        Assert.Matches(@"\n\.\.\. and \d+ more problems$", ex.Detail);
        Assert.InRange(GrpcStatusMessage.Encode(ex.Detail).Length, 1, ImportProblemsMessage.MaxEncodedLength);
    }

    [Fact]
    public async Task CommitImport_PriceTwentyTimesTheActiveOne_RejectedUnlessLargeChangesAllowed()
    {
        using var api = await StartAsync();
        var typo = Raised.Replace("3.90,1.20", "390,1.20", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(typo));
        var outcome = (await api.ImportAsync(typo, new V1.CommitImportRequest { AllowLargeChanges = true }))[^1].Outcome;

        Assert.Equal(StatusCode.InvalidArgument, ex.Status);
        Assert.Contains("line 3: ", ex.Detail, StringComparison.Ordinal);
        Assert.Equal(2L, outcome.Book.Version);
    }

    [Fact]
    public async Task CommitImport_UnknownFormatName_InvalidArgumentAndTheUploadCanStillBeCommitted()
    {
        using var api = await StartAsync();
        var id = await api.UploadAsync(Raised);
        var writer = new Support.RecordingStreamWriter<V1.CommitImportEvent>();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.CommitImportAsync(new V1.CommitImportRequest { UploadId = id, Format = "excel" }, writer, ContextFor(Admin)));
        await api.Service.CommitImportAsync(new V1.CommitImportRequest { UploadId = id, Format = "placement-v1" }, writer, ContextFor(Admin));

        Assert.Equal(StatusCode.InvalidArgument, ex.Status);
        Assert.StartsWith("format: 'excel'", ex.Detail, StringComparison.Ordinal);
        Assert.Equal(2L, writer.Messages[^1].Outcome.Book.Version);
    }

    [Fact]
    public async Task CommitImport_EmptyFile_RejectedAsEmptyOnLineZero()
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(""));

        Assert.Equal(StatusCode.InvalidArgument, ex.Status);
        Assert.Contains("line 0 (whole file): the file is empty", ex.Detail, StringComparison.Ordinal);
    }
}
