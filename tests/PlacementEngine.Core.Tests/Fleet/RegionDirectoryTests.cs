using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Fleet;

public sealed class RegionDirectoryTests
{
    [Theory]
    [InlineData("gcp:europe-west4", "EU")]
    [InlineData("azure:westeurope", "EU")]
    [InlineData("aws:eu-central-1", "EU")]
    [InlineData("aws:eu-north-1", "EU")]
    [InlineData("aws:eu-west-2", "UK")]
    [InlineData("gcp:europe-west6", "CH")]
    [InlineData("aws:us-east-1", "US")]
    [InlineData("azure:eastus", "US")]
    [InlineData("gcp:asia-northeast1", "JP")]
    public void Default_MapsRegionThroughCountryToJurisdiction(string region, string jurisdiction)
    {
        Assert.True(RegionId.TryParse(region, out var id));
        Assert.True(RegionDirectory.Default.TryGet(id, out var info), region);
        Assert.Equal(new Jurisdiction(jurisdiction), info.Jurisdiction);
    }

    [Fact]
    public void Default_CoversAllThreeCloudsFromTheSharedRegionList()
    {
        var byCloud = RegionDirectory.Default.All.GroupBy(r => r.Id.Cloud).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(byCloud[Cloud.Aws] > 20);
        Assert.True(byCloud[Cloud.Gcp] > 20);
        Assert.True(byCloud[Cloud.Azure] > 20);
    }

    [Theory]
    [InlineData("europe-west4")]
    [InlineData("gcp:")]
    [InlineData(":europe-west4")]
    [InlineData("ibm:eu-de")]
    public void RegionId_TryParse_RejectsMalformed(string text) => Assert.False(RegionId.TryParse(text, out _));
}
