using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands.Pricing;

public sealed class OverrideCommandTests
{
    private readonly Placectl _placectl = new();

    public OverrideCommandTests()
    {
        _placectl.PricingApi.OnSetOverride = _ => new PriceBookVersion { Version = 4, Active = true, Source = "override set a2-discount", OverrideCount = 1 };
        _placectl.PricingApi.OnRemoveOverride = _ => new PriceBookVersion { Version = 5, Active = true, Source = "override removed a2-discount" };
    }

    [Fact]
    public async Task Set_SelectorAndPercent_SentAsOneOverrideAndTheNewVersionShown()
    {
        var result = await _placectl.RunAsync(
            "pricing", "override", "set", "--id", "a2-discount", "--cloud", "gcp", "--region", "europe-west4", "--family", "a2-highgpu",
            "--capacity-type", "on-demand", "--percent", "-15", "--comment", "negotiated");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var sent = Assert.IsType<SetOverrideRequest>(Assert.Single(_placectl.PricingApi.Requests)).Override;
        Assert.Equal(("a2-discount", "-15", "negotiated"), (sent.Id, sent.Percent, sent.Comment));
        Assert.Equal(("gcp", "europe-west4", "a2-highgpu", "", CapacityType.OnDemand),
            (sent.Selector.Cloud, sent.Selector.Region, sent.Selector.InstanceFamily, sent.Selector.InstanceType, sent.Selector.CapacityType));
        Assert.StartsWith("Override a2-discount set: price book 4 is active.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_AbsolutePrice_SentAsAbsolute()
    {
        await _placectl.RunAsync("pricing", "override", "set", "--id", "p4d-deal", "--instance", "p4d.24xlarge", "--price", "25.50");

        var sent = Assert.IsType<SetOverrideRequest>(Assert.Single(_placectl.PricingApi.Requests)).Override;
        Assert.Equal((PriceOverride.AdjustmentOneofCase.AbsolutePrice, "25.50"), (sent.AdjustmentCase, sent.AbsolutePrice));
    }

    [Fact]
    public async Task Set_AllowBelowFloor_SentWithTheOverride()
    {
        await _placectl.RunAsync("pricing", "override", "set", "--id", "free", "--cloud", "onprem", "--price", "0", "--allow-below-floor");

        var sent = Assert.IsType<SetOverrideRequest>(Assert.Single(_placectl.PricingApi.Requests));
        Assert.Equal(("0", true), (sent.Override.AbsolutePrice, sent.AllowBelowFloor));
    }

    [Fact]
    public async Task Set_WithoutAllowBelowFloor_NotSent()
    {
        await _placectl.RunAsync("pricing", "override", "set", "--id", "deal", "--percent", "-10");

        Assert.False(Assert.IsType<SetOverrideRequest>(Assert.Single(_placectl.PricingApi.Requests)).AllowBelowFloor);
    }

    [Theory]
    [InlineData("--price", "5", "--percent", "-10")]
    [InlineData("--comment", "no adjustment", "--cloud", "gcp")]
    public async Task Set_NotExactlyOneAdjustment_UsageErrorWithoutACall(string flag1, string value1, string flag2, string value2)
    {
        var result = await _placectl.RunAsync("pricing", "override", "set", "--id", "x", flag1, value1, flag2, value2);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("exactly one of --price DOLLARS and --percent N", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_placectl.PricingApi.Requests);
    }

    [Fact]
    public async Task List_Overrides_TableWithSelectorAndAdjustment()
    {
        _placectl.PricingApi.OnListOverrides = _ => new ListOverridesResponse
        {
            Version = 4,
            Overrides =
            {
                new PriceOverride
                {
                    Id = "a2-discount", Percent = "-15", Comment = "negotiated", CreatedBy = "platform",
                    CreatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)),
                    Selector = new OverrideSelector { Cloud = "gcp", InstanceFamily = "a2-highgpu", CapacityType = CapacityType.Spot },
                },
                new PriceOverride { Id = "flat", AbsolutePrice = "2", CreatedBy = "platform" },
            },
        };

        var result = await _placectl.RunAsync("pricing", "override", "list");

        var lines = result.Stdout.Split('\n');
        Assert.Equal("Overrides of price book 4", lines[0]);
        Assert.Equal(["a2-discount", "gcp", "family", "a2-highgpu", "spot", "-15%", "negotiated", "platform", "2026-03-01", "12:00:00Z"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["flat", "everything", "=", "$2/h", "-", "platform", "-"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Remove_Id_SentWithCommentAndTheNewVersionShown()
    {
        var result = await _placectl.RunAsync("pricing", "override", "remove", "a2-discount", "--comment", "deal ended");

        var sent = Assert.IsType<RemoveOverrideRequest>(Assert.Single(_placectl.PricingApi.Requests));
        Assert.Equal(("a2-discount", "deal ended"), (sent.Id, sent.Comment));
        Assert.StartsWith("Override a2-discount removed: price book 5 is active.", result.Stdout, StringComparison.Ordinal);
    }
}
