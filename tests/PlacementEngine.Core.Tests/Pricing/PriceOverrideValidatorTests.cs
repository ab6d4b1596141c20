using PlacementEngine.Core;
using static PlacementEngine.Core.Tests.Pricing.PriceBooks;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class PriceOverrideValidatorTests
{
    [Theory]
    [InlineData(OverrideKind.Percentage, -100)]
    [InlineData(OverrideKind.Percentage, -15.5)]
    [InlineData(OverrideKind.Percentage, 1000)]
    [InlineData(OverrideKind.Absolute, 0)]
    [InlineData(OverrideKind.Absolute, 27.85)]
    public void Validate_InRange_HasNoErrors(OverrideKind kind, double value)
    {
        var candidate = Percent("edp-2026", (decimal)value, new OverrideSelector(Cloud.Aws, "us-east-1", "p4d", "p4d.24xlarge", CapacityType.Spot)) with { Kind = kind };

        Assert.Empty(PriceOverrideValidator.Validate(candidate));
    }

    [Fact]
    public void Validate_MinusHundredFiftyPercent_IsRejectedNamingTheValue()
    {
        var error = Assert.Single(PriceOverrideValidator.Validate(Percent("too-much", -150m)));

        Assert.Equal("override.value", error.Field);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OverrideKind.Percentage, 1000.01)]
    [InlineData(OverrideKind.Absolute, -0.01)]
    [InlineData(OverrideKind.Absolute, 1000000.01)]
    public void Validate_OutOfRange_NamesTheValue(OverrideKind kind, double value) =>
        Assert.Equal("override.value", Assert.Single(PriceOverrideValidator.Validate(Absolute("x", (decimal)value) with { Kind = kind })).Field);

    [Fact]
    public void Validate_EveryBadField_IsReportedAtOnce()
    {
        var candidate = new PriceOverride(
            "-bad id",
            new OverrideSelector((Cloud)42, " ", "", "p4d.24xlarge ", (CapacityType)9),
            (OverrideKind)7,
            1m,
            "",
            " ",
            At);

        var fields = PriceOverrideValidator.Validate(candidate).Select(e => e.Field).ToList();

        Assert.Equal(
            [
                "override.id",
                "override.selector.cloud",
                "override.selector.capacity_type",
                "override.selector.region",
                "override.selector.instance_family",
                "override.selector.instance_type",
                "override.kind",
                "override.created_by",
            ],
            fields);
    }

    [Fact]
    public void Validate_TypeOutsideTheNamedFamily_WouldMatchNothing()
    {
        var candidate = Percent("mismatch", -5m, new OverrideSelector(Cloud.Aws, InstanceFamily: "p4d", InstanceType: "p5.48xlarge"));

        var error = Assert.Single(PriceOverrideValidator.Validate(candidate));

        Assert.Equal("override.selector.instance_family", error.Field);
        Assert.Contains("'p5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdTooLong_IsRejected() =>
        Assert.Equal("override.id", Assert.Single(PriceOverrideValidator.Validate(Percent(new string('a', PriceOverrideValidator.MaxIdLength + 1), 1m))).Field);
}
