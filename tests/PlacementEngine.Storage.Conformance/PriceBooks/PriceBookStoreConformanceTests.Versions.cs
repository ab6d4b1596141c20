using static PlacementEngine.Storage.Conformance.PriceBooks.PriceBookTestData;

namespace PlacementEngine.Storage.Conformance.PriceBooks;

public abstract partial class PriceBookStoreConformanceTests
{
    [Fact]
    public async Task Empty_HasNoVersionsAndNoActiveOne()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.ListAsync(None));
        Assert.Null(await store.GetActiveVersionAsync(None));
        Assert.Null(await store.GetAsync(1, None));
    }

    [Fact]
    public async Task Create_VersionsIncreaseFromOne()
    {
        var store = await CreateStoreAsync();

        var versions = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            versions.Add((await CreateAsync(store)).Version);
        }

        Assert.Equal([1L, 2L, 3L], versions);
    }

    [Fact]
    public async Task Create_First_BecomesActiveEvenUnasked_SoOneIsActiveOnceAnyExists()
    {
        var store = await CreateStoreAsync();

        var info = await CreateAsync(store, activate: false);

        Assert.True(info.Active);
        Assert.Equal(1L, await store.GetActiveVersionAsync(None));
    }

    [Fact]
    public async Task Create_WithoutActivate_KeepsTheActiveOne()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store);

        var second = await CreateAsync(store, activate: false);

        Assert.False(second.Active);
        Assert.Equal(1L, await store.GetActiveVersionAsync(None));
        Assert.Equal(1L, await ActiveFromListAsync(store));
    }

    [Fact]
    public async Task Create_WithActivate_MovesTheActiveOne_ExactlyOneStaysActive()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store);

        await CreateAsync(store, activate: true);

        Assert.Equal(2L, await store.GetActiveVersionAsync(None));
        Assert.Equal(2L, await ActiveFromListAsync(store));
        Assert.False((await store.GetAsync(1, None))!.Info.Active);
    }

    [Fact]
    public async Task Activate_OlderVersion_IsTheRollback()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, Single(1m));
        await CreateAsync(store, Single(2m));

        Assert.True(await store.ActivateAsync(1, "bob", At.AddMinutes(1), None));

        Assert.Equal(1L, await store.GetActiveVersionAsync(None));
        Assert.Equal(1L, await ActiveFromListAsync(store));
        Assert.True((await store.GetAsync(1, None))!.Info.Active);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task Activate_Unknown_IsFalse_AndKeepsTheActiveOne(long version)
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store);
        await CreateAsync(store);

        Assert.False(await store.ActivateAsync(version, "bob", At, None));

        Assert.Equal(2L, await store.GetActiveVersionAsync(None));
    }

    [Fact]
    public async Task Activate_OnAnEmptyStore_IsFalse()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.ActivateAsync(1, "bob", At, None));
        Assert.Null(await store.GetActiveVersionAsync(None));
    }

    [Fact]
    public async Task List_IsNewestFirst_WithWhoWhenCommentSourceAndCounts()
    {
        var store = await CreateStoreAsync();
        await CreateAsync(store, FullCatalog(), comment: "first");
        await store.CreateAsync(Single(), FullOverrides(), "bob", "second", "override set edp-2026", false, At.AddHours(1), None);

        var list = await store.ListAsync(None);

        Assert.Equal(
            [
                new(2, "bob", At.AddHours(1), "second", "override set edp-2026", 1, 3, false),
                new(1, "alice", At, "first", "test", 6, 0, true),
            ],
            list);
    }
}
