using PlacementEngine.Core;
using static PlacementEngine.Core.Tests.Pricing.PriceBooks;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class OverrideSelectorsTests
{
    private static readonly PriceKey P4dSpot = Key("aws:us-east-1/p4d.24xlarge/spot");

    public static TheoryData<string, OverrideSelector, bool> Cases => new()
    {
        { "empty matches all", new OverrideSelector(), true },
        { "cloud same", new OverrideSelector(Cloud: Cloud.Aws), true },
        { "cloud other", new OverrideSelector(Cloud: Cloud.Gcp), false },
        { "region same", new OverrideSelector(Region: "us-east-1"), true },
        { "region other case", new OverrideSelector(Region: "US-EAST-1"), true },
        { "region other", new OverrideSelector(Region: "us-west-2"), false },
        { "family same", new OverrideSelector(InstanceFamily: "p4d"), true },
        { "family other case", new OverrideSelector(InstanceFamily: "P4D"), true },
        { "family is not a prefix match", new OverrideSelector(InstanceFamily: "p4"), false },
        { "family other", new OverrideSelector(InstanceFamily: "p4de"), false },
        { "type same", new OverrideSelector(InstanceType: "p4d.24xlarge"), true },
        { "type other case", new OverrideSelector(InstanceType: "P4D.24XLARGE"), true },
        { "type other", new OverrideSelector(InstanceType: "p4de.24xlarge"), false },
        { "capacity same", new OverrideSelector(CapacityType: CapacityType.Spot), true },
        { "capacity other", new OverrideSelector(CapacityType: CapacityType.OnDemand), false },
        { "all parts same", new OverrideSelector(Cloud.Aws, "us-east-1", "p4d", "p4d.24xlarge", CapacityType.Spot), true },
        { "all but one part same", new OverrideSelector(Cloud.Aws, "us-east-1", "p4d", "p4d.24xlarge", CapacityType.Reserved), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_EachPart_NullMatchesAll(string name, OverrideSelector selector, bool matches) =>
        Assert.True(matches == selector.Matches(P4dSpot), name);

    [Fact]
    public void Matches_Family_UsesTheKeysCloudRule()
    {
        var selector = new OverrideSelector(InstanceFamily: "Standard_ND");

        Assert.True(selector.Matches(Key("azure:westeurope/Standard_ND96asr_v4/on-demand")));
        Assert.False(selector.Matches(Key("azure:westeurope/Standard_NC24ads_A100_v4/on-demand")));
    }

    [Fact]
    public void Narrowness_TypeOutweighsEverythingElse_ThenFamilyRegionCapacityCloud()
    {
        var type = new OverrideSelector(InstanceType: "p4d.24xlarge").Narrowness();
        var allButType = new OverrideSelector(Cloud.Aws, "us-east-1", "p4d", null, CapacityType.Spot).Narrowness();
        var family = new OverrideSelector(InstanceFamily: "p4d").Narrowness();
        var regionCapacityCloud = new OverrideSelector(Cloud.Aws, "us-east-1", null, null, CapacityType.Spot).Narrowness();
        var region = new OverrideSelector(Region: "us-east-1").Narrowness();
        var capacityCloud = new OverrideSelector(Cloud: Cloud.Aws, CapacityType: CapacityType.Spot).Narrowness();
        var capacity = new OverrideSelector(CapacityType: CapacityType.Spot).Narrowness();
        var cloud = new OverrideSelector(Cloud: Cloud.Aws).Narrowness();

        Assert.True(type > allButType);
        Assert.True(family > regionCapacityCloud);
        Assert.True(region > capacityCloud);
        Assert.True(capacity > cloud);
        Assert.True(cloud > new OverrideSelector().Narrowness());
    }
}
