using Grpc.Core;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.Pricing.PricingHarness;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

/// <summary>Imports that would remove most of the book or price nodes at zero, and dry runs.</summary>
public sealed class PricingImportGuardTests
{
    // The seed's first row only: a placement-v1 prices table replaces all prices, so this removes 4 of the 6.
    private const string CutShort = """
        # placement-prices v1
        cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
        gcp,us-central1,a2-highgpu-1g,3.67,1.10,
        """;

    // The seed with one price changed and one instance type added.
    private const string Refresh = """
        # placement-prices v1
        cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd
        gcp,us-central1,a2-highgpu-1g,3.50,1.10,
        gcp,europe-west4,a2-highgpu-1g,4.04,1.21,
        gcp,europe-west4,a2-highgpu-2g,8.08,,
        aws,us-east-1,p4d.24xlarge,32.77,9.83,
        """;

    [Fact]
    public async Task ImportPrices_FileCutShort_RejectedNamingAllowRemovalsAndNothingStored()
    {
        using var api = await StartAsync();
        var writer = new RecordingStreamWriter<V1.ImportPricesEvent>();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(CutShort), writer: writer));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("remove 4 of the active book's 6 prices", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("--allow-removals", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0L, Assert.Single(writer.Messages[^1].Rejected.Problems).Line);
        Assert.Single(await api.Store.ListAsync(default));
        Assert.Equal(1L, await api.ActiveVersionAsync());
    }

    [Fact]
    public async Task ImportPrices_FileCutShortWithAllowRemovals_StoredAndSaysItReplacedAllPrices()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(CutShort, new V1.ImportPricesHeader { AllowRemovals = true });

        var outcome = events[^1].Outcome;
        Assert.Equal((2L, 2), (outcome.Book.Version, outcome.Book.PriceCount));
        Assert.Equal("all prices; only the egress rates it names; only the spot bands it names", outcome.Replaces);
    }

    [Fact]
    public async Task ImportPrices_RejectedCallRepeated_RejectedTheSameWayAndTheBooksUnchanged()
    {
        using var api = await StartAsync();
        var before = await api.Store.ListAsync(default);

        var first = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(CutShort + "\ngcp,mars-west1,a2-highgpu-1g,1,,\n")));
        var second = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(CutShort + "\ngcp,mars-west1,a2-highgpu-1g,1,,\n")));

        Assert.Equal(StatusCode.InvalidArgument, second.StatusCode);
        Assert.Equal(first.Status.Detail, second.Status.Detail);
        Assert.Contains("mars-west1", second.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await api.Store.ListAsync(default));
        Assert.Equal(1L, await api.ActiveVersionAsync());
        var stored = await api.Store.GetAsync(1, default);
        Assert.Equal(6, stored!.Data.Prices.Count);
    }

    [Fact]
    public async Task ImportPrices_DryRun_StreamsTheDiffAgainstTheActiveVersionAndStoresNothing()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(Refresh, new V1.ImportPricesHeader { DryRun = true });

        var outcome = events[^1].Outcome;
        Assert.True(outcome.DryRun);
        Assert.Null(outcome.Book);
        Assert.Equal((1L, 0L), (outcome.Diff.FromVersion, outcome.Diff.ToVersion));
        Assert.Equal((1, 1, 0), (outcome.Diff.ChangedCount, outcome.Diff.AddedCount, outcome.Diff.RemovedCount));
        var changed = Assert.Single(outcome.Diff.Changed);
        Assert.Equal(("a2-highgpu-1g", "3.67", "3.5"), (changed.InstanceType, changed.OldPrice, changed.NewPrice));
        Assert.Equal("a2-highgpu-2g", Assert.Single(outcome.Diff.Added).InstanceType);
        Assert.DoesNotContain(events, e => e.Progress?.Phase == "storing");
        Assert.Single(await api.Store.ListAsync(default));
        Assert.Equal(1L, await api.ActiveVersionAsync());
    }

    [Fact]
    public async Task ImportPrices_DryRunOfAFileCutShortWithAllowRemovals_ListsTheRemovedPricesAndStoresNothing()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(CutShort, new V1.ImportPricesHeader { DryRun = true, AllowRemovals = true });

        Assert.Equal(4, events[^1].Outcome.Diff.RemovedCount);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Fact]
    public async Task ImportPrices_DryRunOfARefusedFile_RejectedAsAnImportWouldBe()
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(CutShort, new V1.ImportPricesHeader { DryRun = true })));

        Assert.Contains("--allow-removals", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Fact]
    public async Task ImportPrices_TakesAFleetPoolsPriceAway_RejectedNamingAllowUnpricedPoolsUnlessAllowed()
    {
        // The refresh without p4d's spot price; that also removes 1 of the 6 seed prices, more than 5%, hence allow_removals below.
        var pool = new Core.PriceKey(Core.Cloud.Aws, "us-east-1", "p4d.24xlarge", Core.CapacityType.Spot);
        using var api = await StartAsync(poolKeys: [pool]);
        var withoutP4dSpot = Refresh.Replace("32.77,9.83,", "32.77,,", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(withoutP4dSpot)));
        var events = await api.ImportAsync(withoutP4dSpot, new V1.ImportPricesHeader { AllowUnpricedPools = true, AllowRemovals = true });

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("take the price away from 1 of the fleet's 1 pools", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("--allow-unpriced-pools", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2L, events[^1].Outcome.Book.Version);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1e-31")]
    public async Task ImportPrices_PriceBelowTheFloor_RejectedNamingAllowBelowFloor(string price)
    {
        using var api = await StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(Messages(Refresh + $"\ngcp,us-central1,a2-highgpu-2g,{price},,\n")));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("line 7: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("--allow-below-floor", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await api.Store.ListAsync(default));
    }

    [Fact]
    public async Task ImportPrices_PriceOfZeroWithAllowBelowFloor_Stored()
    {
        using var api = await StartAsync();

        var events = await api.ImportAsync(Refresh + "\ngcp,us-central1,a2-highgpu-2g,0,,\n", new V1.ImportPricesHeader { AllowBelowFloor = true });

        Assert.Equal(2L, events[^1].Outcome.Book.Version);
    }
}
