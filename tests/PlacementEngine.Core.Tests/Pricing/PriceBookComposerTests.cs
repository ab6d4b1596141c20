using System.Globalization;
using PlacementEngine.Core;
using static PlacementEngine.Core.Tests.Pricing.PriceBooks;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class PriceBookComposerTests
{
    private const string P4dOnDemand = "aws:us-east-1/p4d.24xlarge/on-demand";
    private const string P4dSpot = "aws:us-east-1/p4d.24xlarge/spot";
    private const string P5OnDemand = "aws:us-east-1/p5.48xlarge/on-demand";
    private const string A2OnDemand = "gcp:europe-west4/a2-highgpu-8g/on-demand";

    private static readonly PriceEntry[] Catalog =
    [
        Price(P4dOnDemand, 32.7726m),
        Price(P4dSpot, 12.50m),
        Price(P5OnDemand, 98.32m),
        Price(A2OnDemand, 29.3876m),
    ];

    [Fact]
    public void Compose_NoOverrides_KeepsImportedPricesExactly_AndTheStoredVersion()
    {
        var book = PriceBookComposer.Compose(Stored(7, Catalog));

        Assert.Equal(7, book.Version);
        Assert.Equal(Catalog.Length, book.Count);
        Assert.All(Catalog, entry => Assert.Equal(entry.Hourly, book.Prices[entry.Key]));
        Assert.Equal("12.50", book.Prices[Key(P4dSpot)].Dollars.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Compose_Percentage_MultipliesByOnePlusValueOverHundred_OnlyWhereTheSelectorMatches()
    {
        var book = Stored(2, Catalog, Percent("edp", -15m, new OverrideSelector(Cloud: Cloud.Aws)));

        Assert.Equal(Money.Of(27.85671m), Composed(book, P4dOnDemand));
        Assert.Equal(Money.Of(10.625m), Composed(book, P4dSpot));
        Assert.Equal(Money.Of(83.572m), Composed(book, P5OnDemand));
        Assert.Equal(Money.Of(29.3876m), Composed(book, A2OnDemand));
    }

    [Fact]
    public void Compose_Absolute_SetsThePrice()
    {
        var book = Stored(2, Catalog, Absolute("reserved-deal", 20m, new OverrideSelector(InstanceType: "p4d.24xlarge", CapacityType: CapacityType.OnDemand)));

        Assert.Equal(Money.Of(20m), Composed(book, P4dOnDemand));
        Assert.Equal(Money.Of(12.50m), Composed(book, P4dSpot));
    }

    [Fact]
    public void Compose_TwoPercentages_Compound()
    {
        var book = Stored(2, [Price(P4dOnDemand, 100m)],
            Percent("edp", -10m, new OverrideSelector(Cloud: Cloud.Aws)),
            Percent("region", -5m, new OverrideSelector(Region: "us-east-1")));

        Assert.Equal(Money.Of(85.5m), Composed(book, P4dOnDemand));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compose_NarrowAbsoluteAndBroadPercentage_AbsoluteWinsWhicheverWasCreatedFirst(bool absoluteFirst)
    {
        var absolute = Absolute("negotiated", 20m, new OverrideSelector(InstanceType: "p4d.24xlarge"));
        var percent = Percent("edp", -10m, new OverrideSelector(Cloud: Cloud.Aws));
        var book = Stored(2, Catalog, absoluteFirst ? [absolute, percent] : [percent, absolute]);

        Assert.Equal(Money.Of(20m), Composed(book, P4dOnDemand));
        Assert.Equal(Money.Of(88.488m), Composed(book, P5OnDemand));
    }

    [Fact]
    public void Compose_NarrowerPercentage_AdjustsABroaderAbsolute()
    {
        var book = Stored(2, Catalog,
            Percent("spot-type", -50m, new OverrideSelector(InstanceType: "p4d.24xlarge", CapacityType: CapacityType.Spot)),
            Absolute("family-price", 20m, new OverrideSelector(InstanceFamily: "p4d")));

        Assert.Equal(Money.Of(10m), Composed(book, P4dSpot));
        Assert.Equal(Money.Of(20m), Composed(book, P4dOnDemand));
    }

    [Fact]
    public void Compose_EquallyNarrowAbsolutes_TheLaterCreatedWins()
    {
        var book = Stored(2, Catalog,
            Absolute("first", 20m, new OverrideSelector(InstanceFamily: "p4d")),
            Absolute("second", 18m, new OverrideSelector(InstanceFamily: "p4d")));

        Assert.Equal(Money.Of(18m), Composed(book, P4dOnDemand));
    }

    [Fact]
    public void Compose_TouchedPrice_RoundsToAMillionth_UntouchedKeepsItsDigits()
    {
        var book = Stored(2, [Price(P4dOnDemand, 0.1234567m), Price(A2OnDemand, 0.1234567m)],
            Percent("up", 10m, new OverrideSelector(Cloud: Cloud.Aws)));

        Assert.Equal(0.135802m, Composed(book, P4dOnDemand).Dollars);
        Assert.Equal(0.1234567m, Composed(book, A2OnDemand).Dollars);
    }

    [Fact]
    public void Compose_MinusHundredPercent_IsFree_NeverNegative()
    {
        var book = Stored(2, Catalog, Percent("free", -100m, new OverrideSelector(Cloud: Cloud.Gcp)));

        Assert.Equal(Money.Zero, Composed(book, A2OnDemand));
    }

    [Fact]
    public void Compose_InvalidStoredOverrideBelowMinusHundred_FloorsAtZero()
    {
        var book = Stored(2, Catalog, Percent("bad", -150m));

        Assert.All(PriceBookComposer.Compose(book).Prices.Values, price => Assert.Equal(Money.Zero, price));
    }

    [Fact]
    public void Compose_EgressAndSpotBands_PassThroughUnchanged()
    {
        var from = new RegionId(Cloud.Aws, "us-east-1");
        var to = new RegionId(Cloud.Gcp, "europe-west4");
        var data = new PriceCatalogData(Catalog, [new EgressEntry(from, to, Money.Of(0.12m))], [new SpotBandEntry(Cloud.Aws, "us-east-1", "p4d.24xlarge", 4)]);

        var book = PriceBookComposer.Compose(Stored(3, data, Percent("all", 50m)));

        Assert.Equal(Money.Of(0.12m), book.EgressPerGb(from, to));
        Assert.Equal(4, book.SpotBand(Cloud.Aws, "us-east-1", "p4d.24xlarge"));
    }

    [Fact]
    public void PriceOf_ListsTheImportedPriceAndTheAppliedOverridesInApplicationOrder()
    {
        PriceOverride[] overrides =
        [
            Absolute("negotiated", 20m, new OverrideSelector(InstanceType: "p4d.24xlarge")),
            Percent("edp", -10m, new OverrideSelector(Cloud: Cloud.Aws)),
            Percent("gcp-only", -10m, new OverrideSelector(Cloud: Cloud.Gcp)),
        ];

        var price = PriceBookComposer.PriceOf(Price(P4dOnDemand, 32.7726m), overrides);

        Assert.Equal(Money.Of(32.7726m), price.Imported);
        Assert.Equal(Money.Of(20m), price.Hourly);
        Assert.Equal(["edp", "negotiated"], price.AppliedOverrideIds);
    }
}
