using PlacementEngine.Core;
using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

public abstract partial class PriceBookStoreConformanceTests
{
    [Fact]
    public async Task Get_RoundTripsEveryFieldExactly()
    {
        var store = await CreateStoreAsync();
        var created = await store.CreateAsync(FullCatalog(), FullOverrides(), "alice", "January list prices", "import skypilot-csv aws.csv", true, At, None);

        var stored = await store.GetAsync(created.Version, None);

        Assert.NotNull(stored);
        Assert.Equal(created, stored.Info);
        Assert.Equal(Text(FullCatalog()), Text(stored.Data));
        Assert.Equal(Text(FullOverrides()), Text(stored.Overrides));
        Assert.Equal(["edp-2026", "p4d-reserved", "everything"], stored.Overrides.Select(o => o.Id));
        Assert.Equal("-12.50", stored.Overrides[0].Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(stored.Overrides, o => Assert.Equal(TimeSpan.Zero, o.CreatedAt.Offset));
        Assert.Equal(new OverrideSelector(), stored.Overrides[2].Selector);
    }

    [Fact]
    public async Task Get_CreatedAtInAnotherOffset_ComesBackAsTheSameInstantInUtc()
    {
        var store = await CreateStoreAsync();
        var local = new DateTimeOffset(2026, 3, 1, 23, 15, 0, 125, TimeSpan.FromHours(9));

        var created = await store.CreateAsync(Single(), [], "alice", "", "test", true, local, None);
        var stored = await store.GetAsync(created.Version, None);

        Assert.Equal(local, stored!.Info.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.Info.CreatedAt.Offset);
        Assert.Equal(TimeSpan.Zero, created.CreatedAt.Offset);
    }

    [Fact]
    public async Task Create_WithTheDataOfAnEarlierVersion_KeepsBothVersionsWhole()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(FullCatalog(), [], "alice", "import", "test", true, At, None);
        var first = await store.GetAsync(1, None);

        await store.CreateAsync(first!.Data, FullOverrides(), "bob", "override", "override set", true, At.AddMinutes(1), None);
        var second = await store.GetAsync(2, None);

        Assert.Equal(Text(FullCatalog()), Text(second!.Data));
        Assert.Equal(Text(FullOverrides()), Text(second.Overrides));
        Assert.Equal((6, 3), (second.Info.PriceCount, second.Info.OverrideCount));
        await AssertSameBookAsync(first with { Info = first.Info with { Active = false } }, store);
    }

    [Fact]
    public async Task Create_EmptyCatalog_IsStoredAsSuch()
    {
        var store = await CreateStoreAsync();

        var created = await store.CreateAsync(PriceCatalogData.Empty, [], "alice", "", "test", true, At, None);

        var stored = await store.GetAsync(created.Version, None);
        Assert.Empty(stored!.Data.Prices);
        Assert.Equal(0, stored.Info.PriceCount);
    }
}
