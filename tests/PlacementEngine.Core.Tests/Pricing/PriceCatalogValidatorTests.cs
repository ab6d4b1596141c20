using PlacementEngine.Core;
using static PlacementEngine.Core.Tests.Pricing.PriceBooks;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class PriceCatalogValidatorTests
{
    private static readonly RegionId UsEast = new(Cloud.Aws, "us-east-1");
    private static readonly RegionId EuWest = new(Cloud.Gcp, "europe-west4");

    [Fact]
    public void Validate_GoodCatalog_HasNoErrors()
    {
        var data = new PriceCatalogData(
            [Price("aws:us-east-1/p4d.24xlarge/spot", 12.5m), Price("aws:us-east-1/p4d.24xlarge/on-demand", 0m)],
            [new EgressEntry(UsEast, EuWest, Money.Of(0.09m)), new EgressEntry(EuWest, UsEast, Money.Of(0.09m))],
            [new SpotBandEntry(Cloud.Aws, "us-east-1", "p4d.24xlarge", 0), new SpotBandEntry(Cloud.Aws, "us-east-1", "p5.48xlarge", 4)]);

        Assert.Empty(PriceCatalogValidator.Validate(data));
    }

    [Fact]
    public void Validate_NoPrices_IsRejected() =>
        Assert.Equal("prices", Assert.Single(PriceCatalogValidator.Validate(PriceCatalogData.Empty)).Field);

    [Fact]
    public void Validate_DuplicatesNegativesAndBadBands_NameTheRow()
    {
        var data = new PriceCatalogData(
            [Price("aws:us-east-1/p4d.24xlarge/spot", 12.5m), Price("aws:us-east-1/p4d.24xlarge/spot", 13m), Price("aws:us-east-1/p5.48xlarge/spot", -1m)],
            [new EgressEntry(UsEast, EuWest, Money.Of(0.09m)), new EgressEntry(UsEast, EuWest, Money.Of(-0.09m))],
            [new SpotBandEntry(Cloud.Aws, "us-east-1", "p4d.24xlarge", 5)]);

        var errors = PriceCatalogValidator.Validate(data);

        Assert.Equal(["prices[1]", "prices[2]", "egress[1]", "egress[1]", "spot_bands[0]"], errors.Select(e => e.Field));
        Assert.Contains("aws:us-east-1/p4d.24xlarge/spot is listed more than once", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyErrors_ListsTheFirstAndCountsTheRest()
    {
        var prices = Enumerable.Range(0, 50).Select(i => Price($"aws:us-east-1/t{i}.large/spot", -1m)).ToList();

        var errors = PriceCatalogValidator.Validate(new PriceCatalogData(prices, [], []));

        Assert.Equal(PriceCatalogValidator.MaxListedErrors + 1, errors.Count);
        Assert.Equal("30 more errors not listed", errors[^1].Message);
    }
}
