using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Hosting;

/// <summary>The real PricingService behind the admin policy, and ImportPrices as a client streams it over a channel.</summary>
public sealed class PricingOverTheWireTests : IAsyncLifetime
{
    private readonly InMemoryPriceBookStore _store = new();
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(
        services: s => s
            .AddSingleton<IPriceBookStore>(_store)
            .AddSingleton(sp => new PriceBookService(sp.GetRequiredService<IPriceBookStore>(), TimeProvider.System))
            .AddPricingService(new PricingServiceOptions()),
        map: app => app.MapPricingService());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private V1.PricingService.PricingServiceClient Pricing(string? token) => new(_host.Invoker(token));

    public static TheoryData<string> Methods() =>
        ["ImportPrices", "SetOverride", "RemoveOverride", "ListOverrides", "ListPriceBooks", "DiffPriceBooks", "ActivatePriceBook", "GetPrice"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryMethod_SubmitterToken_PermissionDeniedNamingTheMethodAndNothingChanges(string method)
    {
        var pricing = Pricing(GrpcTestHost.SubmitterToken);
        Func<Task> call = method switch
        {
            "ImportPrices" => () => ImportAsync(pricing, "x"),
            "SetOverride" => () => pricing.SetOverrideAsync(new V1.SetOverrideRequest { Override = new V1.PriceOverride { Id = "o", Percent = "-10" } }).ResponseAsync,
            "RemoveOverride" => () => pricing.RemoveOverrideAsync(new V1.RemoveOverrideRequest { Id = "o" }).ResponseAsync,
            "ListOverrides" => () => pricing.ListOverridesAsync(new V1.ListOverridesRequest()).ResponseAsync,
            "ListPriceBooks" => () => pricing.ListPriceBooksAsync(new V1.ListPriceBooksRequest()).ResponseAsync,
            "DiffPriceBooks" => () => pricing.DiffPriceBooksAsync(new V1.DiffPriceBooksRequest { FromVersion = 1, ToVersion = 1 }).ResponseAsync,
            "ActivatePriceBook" => () => pricing.ActivatePriceBookAsync(new V1.ActivatePriceBookRequest { Version = 1 }).ResponseAsync,
            _ => () => pricing.GetPriceAsync(new V1.GetPriceRequest { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g" }).ResponseAsync,
        };

        var ex = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal($"/placement.v1.PricingService/{method}: pricing is for admins; team ml-research has a submitter token", ex.Status.Detail);
        Assert.Empty(await _store.ListAsync(default));
    }

    [Fact]
    public async Task ImportPrices_FileLargerThanTheMessageLimitInChunks_AcceptedAsOneVersion()
    {
        // Many rows, so the file is several times the host's 64 KiB message limit; each chunk stays under it.
        var rows = Enumerable.Range(0, 4000).Select(i => $"gcp,us-central1,type-{i:D5},{1 + (i % 50)}.25,,");
        var file = string.Join('\n', ["# placement-prices v1", "cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd", .. rows]);
        Assert.True(Encoding.UTF8.GetByteCount(file) > 2 * GrpcTestHost.MaxReceiveMessageBytes);

        var events = await ImportAsync(Pricing(GrpcTestHost.AdminToken), file);

        Assert.Equal(1L, events[^1].Outcome.Book.Version);
        Assert.Equal(4000, events[^1].Outcome.Prices);
        Assert.Contains(events, e => e.Progress?.Phase == "receiving");
    }

    [Fact]
    public async Task ImportPrices_BadFile_RejectedEventThenInvalidArgumentAndNothingStored()
    {
        const string file = "# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\ngcp,us-central1,a2,abc,,\n";
        var events = new List<V1.ImportPricesEvent>();

        var ex = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(Pricing(GrpcTestHost.AdminToken), file, events));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(3L, Assert.Single(events[^1].Rejected.Problems).Line);
        Assert.Empty(await _store.ListAsync(default));
    }

    /// <summary>Header, chunks of 32 KiB, half-close; reads every event into <paramref name="events"/>.</summary>
    private static async Task<List<V1.ImportPricesEvent>> ImportAsync(V1.PricingService.PricingServiceClient pricing, string file, List<V1.ImportPricesEvent>? events = null)
    {
        events ??= [];
        using var call = pricing.ImportPrices();
        var bytes = Encoding.UTF8.GetBytes(file);
        var reading = Task.Run(async () =>
        {
            await foreach (var e in call.ResponseStream.ReadAllAsync())
            {
                events.Add(e);
            }
        });
        try
        {
            await call.RequestStream.WriteAsync(new V1.ImportPricesRequest { Header = new V1.ImportPricesHeader { FileName = "prices.csv", TotalBytes = bytes.Length } });
            for (var offset = 0; offset < bytes.Length; offset += 32 * 1024)
            {
                await call.RequestStream.WriteAsync(new V1.ImportPricesRequest { Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(32 * 1024, bytes.Length - offset)) });
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call early; the reader has its status.
        }
        await reading;
        return events;
    }
}
