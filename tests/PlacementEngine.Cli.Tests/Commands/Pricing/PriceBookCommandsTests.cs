using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands.Pricing;

public sealed class PriceBookCommandsTests
{
    private readonly Placectl _placectl = new();

    [Fact]
    public async Task BooksList_EveryVersion_ActiveMarked()
    {
        _placectl.PricingApi.OnListPriceBooks = _ => new ListPriceBooksResponse
        {
            Books =
            {
                Book(2, active: false, "platform", "import skypilot-csv gcp gcp.csv", "refresh"),
                Book(1, active: true, "system", "shipped catalog", ""),
            },
        };

        var result = await _placectl.RunAsync("pricing", "books", "list");

        var lines = result.Stdout.Split('\n');
        Assert.Equal(["VERSION", "CREATED", "BY", "PRICES", "OVERRIDES", "SOURCE", "COMMENT"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["2", "2026-03-01", "12:00:00Z", "platform", "137,688", "0", "import", "skypilot-csv", "gcp", "gcp.csv", "refresh"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["*", "1", "2026-03-01", "12:00:00Z", "system", "137,688", "0", "shipped", "catalog", "-"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Diff_TwoVersions_TablesWithPercentagesAndSummaryCounts()
    {
        _placectl.PricingApi.OnDiff = _ => new DiffPriceBooksResponse
        {
            FromVersion = 1,
            ToVersion = 3,
            Changed =
            {
                Change("a2-highgpu-1g", CapacityType.Spot, "1.10", "1.32", "20"),
                Change("a2-highgpu-8g", CapacityType.OnDemand, "29.39", "24.98", "-15.01"),
            },
            ChangedCount = 120,
            Added = { Change("a3-highgpu-8g", CapacityType.Spot, "", "30.5", "") },
            AddedCount = 1,
            SpotBands = new TableChanges { Changed = 3 },
        };

        var result = await _placectl.RunAsync("pricing", "diff", "1", "3", "--limit", "2");

        var request = Assert.IsType<DiffPriceBooksRequest>(Assert.Single(_placectl.PricingApi.Requests));
        Assert.Equal((1L, 3L, 2), (request.FromVersion, request.ToVersion, request.MaxRows));
        var lines = result.Stdout.Split('\n');
        Assert.Equal("Changed (120)", lines[0]);
        Assert.Equal(["gcp", "us-central1", "a2-highgpu-1g", "spot", "$1.10", "$1.32", "+20%"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["gcp", "us-central1", "a2-highgpu-8g", "on-demand", "$29.39", "$24.98", "-15.01%"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("... and 118 more changed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Added (1)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Removed (", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Price book 1 -> 3: 120 changed, 1 added, 0 removed prices; egress rates unchanged; spot bands 3 changed, 0 added, 0 removed.", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff", "0", "2")]
    [InlineData("diff", "1", "two")]
    [InlineData("activate", "-1")]
    public async Task VersionArguments_NotAVersion_UsageErrorWithoutACall(params string[] args)
    {
        var result = await _placectl.RunAsync(["pricing", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(_placectl.PricingApi.Requests);
    }

    [Fact]
    public async Task Activate_OlderVersion_SaysItIsActive()
    {
        _placectl.PricingApi.OnActivate = r => Book(r.Version, active: true, "system", "shipped catalog", "");

        var result = await _placectl.RunAsync("pricing", "activate", "1");

        Assert.Equal(1L, Assert.IsType<ActivatePriceBookRequest>(Assert.Single(_placectl.PricingApi.Requests)).Version);
        Assert.StartsWith("Price book 1 activated: price book 1 is active.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_InstanceType_ImportedAndComposedPricePerCapacityType()
    {
        _placectl.PricingApi.OnGetPrice = r => new GetPriceResponse
        {
            Version = 4, Cloud = r.Cloud, Region = r.Region, InstanceType = r.InstanceType,
            Prices =
            {
                new ComposedPrice { CapacityType = CapacityType.Spot, ImportedPrice = "14.4308", HourlyPrice = "5", AppliedOverrides = { "a2-discount", "a2-spot" } },
                new ComposedPrice { CapacityType = CapacityType.OnDemand, ImportedPrice = "29.38708", HourlyPrice = "29.38708" },
            },
        };

        var result = await _placectl.RunAsync("pricing", "show", "--cloud", "gcp", "--region", "us-central1", "--instance", "a2-highgpu-8g");

        var lines = result.Stdout.Split('\n');
        Assert.Equal("gcp:us-central1/a2-highgpu-8g in price book 4 ($ per node-hour):", lines[0]);
        Assert.Equal(["spot", "$14.4308", "$5", "a2-discount,a2-spot"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["on-demand", "$29.38708", "$29.38708", "-"], lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Show_MissingInstance_UsageError()
    {
        var result = await _placectl.RunAsync("pricing", "show", "--cloud", "gcp", "--region", "us-central1");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private static PriceBookVersion Book(long version, bool active, string by, string source, string comment) => new()
    {
        Version = version, Active = active, CreatedBy = by, Source = source, Comment = comment, PriceCount = 137_688,
        CreatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)),
    };

    private static PriceChange Change(string type, CapacityType capacity, string old, string @new, string percent) => new()
    {
        Cloud = "gcp", Region = "us-central1", InstanceType = type, CapacityType = capacity, OldPrice = old, NewPrice = @new, PercentChange = percent,
    };
}
