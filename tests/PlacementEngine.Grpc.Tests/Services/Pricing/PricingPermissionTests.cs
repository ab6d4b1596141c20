using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

public sealed class PricingPermissionTests
{
    public static TheoryData<string> Methods() =>
        ["BeginImport", "UploadImportChunk", "CommitImport", "SetOverride", "RemoveOverride", "ListOverrides", "ListPriceBooks", "DiffPriceBooks", "ActivatePriceBook", "GetPrice"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryMethod_SubmitterToken_PermissionDeniedAndNothingChanges(string method)
    {
        using var api = await StartAsync();
        var context = ContextFor(Submitter, method);
        var service = api.Service;
        Func<Task> call = method switch
        {
            "BeginImport" => () => service.BeginImportAsync(new V1.BeginImportRequest { TotalBytes = 10 }, context),
            "UploadImportChunk" => () => service.UploadImportChunkAsync(new V1.UploadImportChunkRequest { UploadId = "x" }, context),
            "CommitImport" => () => service.CommitImportAsync(new V1.CommitImportRequest { UploadId = "x" }, new RecordingStreamWriter<V1.CommitImportEvent>(), context),
            "SetOverride" => () => service.SetOverrideAsync(new V1.SetOverrideRequest { Override = new V1.PriceOverride { Id = "o", Percent = "-10" } }, context),
            "RemoveOverride" => () => service.RemoveOverrideAsync(new V1.RemoveOverrideRequest { Id = "o" }, context),
            "ListOverrides" => () => service.ListOverridesAsync(new V1.ListOverridesRequest(), context),
            "ListPriceBooks" => () => service.ListPriceBooksAsync(new V1.ListPriceBooksRequest(), context),
            "DiffPriceBooks" => () => service.DiffPriceBooksAsync(new V1.DiffPriceBooksRequest { FromVersion = 1, ToVersion = 1 }, context),
            "ActivatePriceBook" => () => service.ActivatePriceBookAsync(new V1.ActivatePriceBookRequest { Version = 1 }, context),
            _ => () => service.GetPriceAsync(new V1.GetPriceRequest { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g" }, context),
        };

        var ex = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, ex.Status);
        Assert.Contains("admin", ex.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
        Assert.Equal(0, api.Uploads.OpenCount);
    }
}
