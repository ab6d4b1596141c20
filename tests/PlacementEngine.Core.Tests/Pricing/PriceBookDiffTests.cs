using PlacementEngine.Core;
using static PlacementEngine.Core.Tests.Pricing.PriceBooks;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class PriceBookDiffTests
{
    private static readonly RegionId UsEast = new(Cloud.Aws, "us-east-1");
    private static readonly RegionId EuWest = new(Cloud.Gcp, "europe-west4");

    [Fact]
    public void Compute_SameBook_IsEmpty()
    {
        var book = Stored(1, [Price("aws:us-east-1/p4d.24xlarge/spot", 12.5m)]);

        var diff = PriceBookDiff.Compute(book, book);

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Compute_AddedRemovedChanged_SortedByKey_WithPercentChange()
    {
        var from = Stored(1,
        [
            Price("gcp:europe-west4/a2-highgpu-8g/on-demand", 29.3876m),
            Price("aws:us-west-2/p5.48xlarge/on-demand", 98.32m),
            Price("aws:us-east-1/p4d.24xlarge/spot", 12.50m),
            Price("aws:us-east-1/p4d.24xlarge/on-demand", 30m),
            Price("azure:westeurope/Standard_ND96asr_v4/on-demand", 27.197m),
        ]);
        var to = Stored(2,
        [
            Price("aws:us-east-1/p4d.24xlarge/on-demand", 40m),
            Price("aws:us-east-1/p4d.24xlarge/spot", 12.5m),
            Price("gcp:europe-west4/a2-highgpu-8g/on-demand", 20m),
            Price("gcp:europe-west4/a2-highgpu-8g/spot", 8.8m),
            Price("aws:eu-central-1/p5.48xlarge/on-demand", 101m),
        ]);

        var diff = PriceBookDiff.Compute(from, to);

        Assert.Equal((1, 2), (diff.FromVersion, diff.ToVersion));
        Assert.Equal([Key("aws:eu-central-1/p5.48xlarge/on-demand"), Key("gcp:europe-west4/a2-highgpu-8g/spot")], diff.Added.Select(a => a.Key));
        Assert.Equal(Money.Of(8.8m), diff.Added[1].Hourly);
        Assert.Equal([Key("aws:us-west-2/p5.48xlarge/on-demand"), Key("azure:westeurope/Standard_ND96asr_v4/on-demand")], diff.Removed.Select(r => r.Key));
        Assert.Equal(Money.Of(98.32m), diff.Removed[0].Hourly);
        Assert.Equal(
            [
                new PriceChanged(Key("aws:us-east-1/p4d.24xlarge/on-demand"), Money.Of(30m), Money.Of(40m), 33.33m),
                new PriceChanged(Key("gcp:europe-west4/a2-highgpu-8g/on-demand"), Money.Of(29.3876m), Money.Of(20m), -31.94m),
            ],
            diff.Changed);
    }

    [Fact]
    public void Compute_OverrideOnlyVersion_ShowsTheComposedChange()
    {
        PriceEntry[] prices = [Price("aws:us-east-1/p4d.24xlarge/on-demand", 32.7726m), Price("gcp:europe-west4/a2-highgpu-8g/on-demand", 29.3876m)];
        var from = Stored(1, prices);
        var to = Stored(2, prices, Percent("edp", -10m, new OverrideSelector(Cloud: Cloud.Aws)));

        var diff = PriceBookDiff.Compute(from, to);

        var change = Assert.Single(diff.Changed);
        Assert.Equal(Money.Of(29.49534m), change.New);
        Assert.Equal(-10m, change.PercentChange);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Theory]
    [InlineData(2, 2.0005, 0.03)]
    [InlineData(2, 1.9995, -0.03)]
    [InlineData(3, 4, 33.33)]
    [InlineData(8, 8, 0)]
    public void PercentChange_RoundsToHundredthsHalfAwayFromZero(double old, double @new, double percent) =>
        Assert.Equal((decimal)percent, PriceBookDiff.PercentChange(Money.Of((decimal)old), Money.Of((decimal)@new)));

    [Fact]
    public void PercentChange_FromZero_IsNull() =>
        Assert.Null(PriceBookDiff.PercentChange(Money.Zero, Money.Of(1m)));

    [Fact]
    public void Compute_SameAmountAtAnotherScale_IsNoChange()
    {
        var diff = PriceBookDiff.Compute(
            Stored(1, [Price("aws:us-east-1/p4d.24xlarge/spot", 12.5m)]),
            Stored(2, [Price("aws:us-east-1/p4d.24xlarge/spot", 12.5000m)]));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Compute_EgressAndBands_CountsAddedRemovedChanged()
    {
        var asia = new RegionId(Cloud.Gcp, "asia-east1");
        PriceEntry[] prices = [Price("aws:us-east-1/p4d.24xlarge/spot", 12.5m)];
        var from = Stored(1, new PriceCatalogData(prices,
            [new EgressEntry(UsEast, EuWest, Money.Of(0.09m)), new EgressEntry(EuWest, UsEast, Money.Of(0.12m)), new EgressEntry(UsEast, asia, Money.Of(0.1m))],
            [new SpotBandEntry(Cloud.Aws, "us-east-1", "p4d.24xlarge", 1), new SpotBandEntry(Cloud.Aws, "us-east-1", "p5.48xlarge", 2)]));
        var to = Stored(2, new PriceCatalogData(prices,
            [new EgressEntry(UsEast, EuWest, Money.Of(0.09m)), new EgressEntry(EuWest, UsEast, Money.Of(0.11m)), new EgressEntry(asia, UsEast, Money.Of(0.1m))],
            [new SpotBandEntry(Cloud.Aws, "us-east-1", "p4d.24xlarge", 3)]));

        var diff = PriceBookDiff.Compute(from, to);

        Assert.Equal(new TableChangeCounts(1, 1, 1), diff.Egress);
        Assert.Equal(new TableChangeCounts(0, 1, 1), diff.SpotBands);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Compute_88kPrices_FindsExactlyTheChangedOnes()
    {
        var prices = Enumerable.Range(0, 88_000)
            .Select(i => new PriceEntry(new PriceKey(Cloud.Aws, $"region-{i % 40}", $"type{i / 80}.xlarge", (i / 40) % 2 == 0 ? CapacityType.Spot : CapacityType.OnDemand), Money.Of(1m + (i / 1000m))))
            .ToList();
        var changed = prices.Select((p, i) => i % 88 == 0 ? p with { Hourly = p.Hourly * 2m } : p).ToList();

        var diff = PriceBookDiff.Compute(Stored(1, prices), Stored(2, changed));

        Assert.Equal(1000, diff.Changed.Count);
        Assert.All(diff.Changed, c => Assert.Equal(100m, c.PercentChange));
        Assert.True(diff.Changed.Zip(diff.Changed.Skip(1)).All(pair => PriceKeyOrder.Instance.Compare(pair.First.Key, pair.Second.Key) < 0));
    }
}
