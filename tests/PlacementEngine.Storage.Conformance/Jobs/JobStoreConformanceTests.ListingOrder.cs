using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Storage.Conformance.Jobs;

/// <summary>Listing newest first and by part of the name, as "placectl jobs list" asks.</summary>
public abstract partial class JobStoreConformanceTests
{
    [Theory]
    [InlineData("", 3)]
    [InlineData("job-1", 2)]
    [InlineData("ob-", 50)]
    public async Task ListAsync_NewestFirstWithName_VisitsEveryMatchingJobOnceNewestFirst(string nameContains, int pageSize)
    {
        var store = await CreateStoreAsync();
        var jobs = await SubmitMixAsync(store);
        var expected = jobs
            .Where(j => j.Spec.Name.Contains(nameContains, StringComparison.Ordinal))
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id.Value, StringComparer.Ordinal)
            .Select(j => j.Id)
            .ToList();

        var visited = await ListEveryPageAsync(store, new JobQuery(null, [], pageSize, "", nameContains, NewestFirst: true));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, visited);
    }

    [Fact]
    public async Task ListAsync_NameMatchesNothing_ReturnsEmptyLastPage()
    {
        var store = await CreateStoreAsync();
        await SubmitMixAsync(store);

        var page = await store.ListAsync(new JobQuery(null, [], 10, "", "nightly"), None);

        Assert.Empty(page.Jobs);
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task ListAsync_TokenFromTheOtherOrder_ThrowsArgumentException()
    {
        var store = await CreateStoreAsync();
        await SubmitMixAsync(store);
        var oldestFirst = await store.ListAsync(new JobQuery(null, [], 2, ""), None);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new JobQuery(null, [], 2, oldestFirst.NextPageToken, NewestFirst: true), None));
    }
}
