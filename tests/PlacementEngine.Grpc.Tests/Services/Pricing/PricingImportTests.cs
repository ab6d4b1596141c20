using Google.Protobuf;
using Grpc.Core;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
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

    private const string Broken = """
        # placement-prices v1
        cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
        gcp,us-central1,a2-highgpu-1g,abc,1.20,
        gcp,mars-north1,a2-highgpu-1g,4.04,1.21,
        aws,us-east-1,p4d.24xlarge,-3,9.83,
        """;

    [Fact]
    public async Task ImportPrices_ValidFileInChunks_NewActiveVersionWithCountsAndPricesUsed()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(Raised, new V1.ImportPricesHeader { Comment = "list prices up" });

        var outcome = events[^1].Outcome;
        Assert.NotNull(outcome);
        Assert.Equal((2L, true, "platform", "list prices up"), (outcome.Book.Version, outcome.Book.Active, outcome.Book.CreatedBy, outcome.Book.Comment));
        Assert.Equal(("placement-v1", 6), (outcome.Format, outcome.Prices));
        Assert.Equal(2L, await api.ActiveVersionAsync());
        var price = await api.Service.GetPrice(new V1.GetPriceRequest { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g" }, ContextFor(Admin));
        Assert.Equal("3.9", Assert.Single(price.Prices, p => p.CapacityType == V1.CapacityType.OnDemand).HourlyPrice);
    }

    [Fact]
    public async Task ImportPrices_AnyFile_StreamsReceivingParsingThenStoringProgressBeforeTheOutcome()
    {
        using var api = await StartAsync();
        var size = System.Text.Encoding.UTF8.GetByteCount(Raised);

        var events = await api.ImportAsync(Raised, new V1.ImportPricesHeader { TotalBytes = size });

        var progress = events.Where(e => e.Progress is not null).Select(e => e.Progress).ToList();
        Assert.Equal(["receiving", "parsing", "storing"], progress.Select(p => p.Phase).Distinct());
        var received = progress.Where(p => p.Phase == "receiving").ToList();
        Assert.Equal(received.Select(p => p.BytesRead).Order(), received.Select(p => p.BytesRead));
        Assert.Equal((size, size), (received[^1].BytesRead, received[^1].TotalBytes));
        Assert.All(events[..^1], e => Assert.Equal(V1.ImportPricesEvent.EventOneofCase.Progress, e.EventCase));
        Assert.NotNull(events[^1].Outcome);
    }

    [Fact]
    public async Task ImportPrices_NoActivate_StoresVersionButKeepsTheActiveOne()
    {
        using var api = await StartAsync();

        var outcome = (await api.ImportAsync(Raised, new V1.ImportPricesHeader { NoActivate = true }))[^1].Outcome;

        Assert.Equal((2L, false), (outcome.Book.Version, outcome.Book.Active));
        Assert.Equal(1L, await api.ActiveVersionAsync());
    }

    [Fact]
    public async Task ImportPrices_MalformedFile_RejectedEventWithEveryLineThenInvalidArgumentAndNothingStored()
    {
        using var api = await StartAsync();
        var writer = new RecordingStreamWriter<V1.ImportPricesEvent>();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(Broken, fileName: "broken.csv"), writer: writer));

        var rejected = writer.Messages[^1].Rejected;
        Assert.NotNull(rejected);
        Assert.Equal([3L, 4L, 5L], rejected.Problems.Select(p => p.Line));
        Assert.Equal(3, rejected.ProblemCount);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("the price file broken.csv was rejected and nothing changed: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("\nline 3: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("\nline 4: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("\nline 5: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
        Assert.Equal(1L, await api.ActiveVersionAsync());
    }

    [Fact]
    public async Task ImportPrices_ThousandsOfProblems_ListsAtMostAHundredAndCountsTheRest()
    {
        using var api = await StartAsync();
        var rows = Enumerable.Range(0, 500).Select(i => $"gcp,us-central1,type-{i},not-a-price,1,");
        var file = string.Join('\n', ["# placement-prices v1", "cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd", .. rows]);
        var writer = new RecordingStreamWriter<V1.ImportPricesEvent>();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(file, chunkBytes: 64 * 1024), writer: writer));

        var rejected = writer.Messages[^1].Rejected;
        Assert.Equal(ImportProblemsMessage.MaxListedProblems, rejected.Problems.Count);
        Assert.Equal(500, rejected.ProblemCount);
        var listed = ex.Status.Detail.Split('\n').Count(l => l.StartsWith("line ", StringComparison.Ordinal));
        Assert.InRange(listed, 1, ImportProblemsMessage.MaxListedProblems);
        Assert.Matches(@"\n\.\.\. and \d+ more problems$", ex.Status.Detail);
        Assert.InRange(StatusMessageEncoding.Encode(ex.Status.Detail).Length, 1, ImportProblemsMessage.MaxEncodedLength);
    }

    [Fact]
    public async Task ImportPrices_PriceTwentyTimesTheActiveOne_RejectedUnlessLargeChangesAllowed()
    {
        using var api = await StartAsync();
        var typo = Raised.Replace("3.90,1.20", "390,1.20", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(typo));
        var outcome = (await api.ImportAsync(typo, new V1.ImportPricesHeader { AllowLargeChanges = true }))[^1].Outcome;

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("line 3: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2L, outcome.Book.Version);
    }

    [Fact]
    public async Task ImportPrices_UnknownFormatName_InvalidArgumentBeforeAnyChunkIsRead()
    {
        using var api = await StartAsync();
        var reader = new ListStreamReader<V1.ImportPricesRequest>(Messages(Raised, new V1.ImportPricesHeader { Format = "excel" }));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.ImportPrices(reader, new RecordingStreamWriter<V1.ImportPricesEvent>(), ContextFor(Admin)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("format: 'excel'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, reader.Read);
    }

    [Fact]
    public async Task ImportPrices_EmptyFile_RejectedAsEmptyOnLineZero()
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(""));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("line 0 (whole file): the file is empty", ex.Status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MisorderedStreams() => new()
    {
        { "none", "header: the call ended before the ImportPricesHeader" },
        { "chunk-first", "header: the first message must be the ImportPricesHeader" },
        { "two-headers", "header: only the first message may be the ImportPricesHeader; message 3 is another" },
        { "empty-part", "chunk: message 2 carries neither a header nor a chunk" },
    };

    [Theory]
    [MemberData(nameof(MisorderedStreams))]
    public async Task ImportPrices_HeaderNotFirstOrNotAlone_InvalidArgumentAndNothingStored(string stream, string detail)
    {
        using var api = await StartAsync();
        var chunk = new V1.ImportPricesRequest { Chunk = ByteString.CopyFromUtf8(Raised) };
        var header = new V1.ImportPricesRequest { Header = new V1.ImportPricesHeader() };
        List<V1.ImportPricesRequest> messages = stream switch
        {
            "none" => [],
            "chunk-first" => [chunk, header],
            "two-headers" => [header, chunk, header],
            _ => [header, new V1.ImportPricesRequest()],
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(messages));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith(detail, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Fact]
    public async Task ImportPrices_ChunkOverOneMebibyte_InvalidArgumentNamingTheLimit()
    {
        using var api = await StartAsync();
        var big = new V1.ImportPricesRequest { Chunk = ByteString.CopyFrom(new byte[PriceImportLimits.MaxChunkBytes + 1]) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync([new() { Header = new V1.ImportPricesHeader() }, big]));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal($"chunk: message 2 carries {PriceImportLimits.MaxChunkBytes + 1} bytes; a chunk may carry at most {PriceImportLimits.MaxChunkBytes}", ex.Status.Detail);
    }

    [Fact]
    public async Task ImportPrices_AnnouncedSizeOverTheLimit_ResourceExhaustedBeforeAnyChunk()
    {
        using var api = await StartAsync(new PriceImportLimits { MaxFileBytes = 100 });
        var reader = new ListStreamReader<V1.ImportPricesRequest>(Messages(Raised, new V1.ImportPricesHeader { TotalBytes = 101 }));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            api.Service.ImportPrices(reader, new RecordingStreamWriter<V1.ImportPricesEvent>(), ContextFor(Admin)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("total_bytes: 101 bytes is more than the largest price file this server takes (100 bytes)", ex.Status.Detail);
        Assert.Equal(1, reader.Read);
    }

    [Fact]
    public async Task ImportPrices_UnannouncedFileOverTheLimit_ResourceExhaustedAndNothingStored()
    {
        using var api = await StartAsync(new PriceImportLimits { MaxFileBytes = 100 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Raised));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("(100 bytes)", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Theory]
    [InlineData(10, "total_bytes: the header announced 10 bytes and more arrived")]
    [InlineData(100_000, "total_bytes: the header announced 100000 bytes but ")]
    public async Task ImportPrices_SizeDiffersFromTheAnnouncedOne_InvalidArgument(long announced, string detail)
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Raised, new V1.ImportPricesHeader { TotalBytes = announced }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith(detail, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPrices_ClientCancelsMidUpload_NothingStoredAndTheNextImportWorks()
    {
        using var api = await StartAsync();
        using var cancel = new CancellationTokenSource();
        var context = ContextFor(Admin, "ImportPrices", cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Service.ImportPrices(
            new ListStreamReader<V1.ImportPricesRequest>(CancelAfterTwo(Messages(Raised), cancel)),
            new RecordingStreamWriter<V1.ImportPricesEvent>(),
            context));
        var outcome = (await api.ImportAsync(Raised))[^1].Outcome;

        Assert.Equal(2L, outcome.Book.Version);
        Assert.Equal(2, (await api.Store.ListAsync(default)).Count);
    }

    private static IEnumerable<V1.ImportPricesRequest> CancelAfterTwo(IEnumerable<V1.ImportPricesRequest> messages, CancellationTokenSource cancel)
    {
        var sent = 0;
        foreach (var message in messages)
        {
            if (sent++ == 2)
            {
                cancel.Cancel();
            }
            yield return message;
        }
    }
}
