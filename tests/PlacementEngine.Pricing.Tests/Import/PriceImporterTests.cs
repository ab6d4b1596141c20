using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

public sealed class PriceImporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \t\n")]
    public void Import_EmptyFile_RejectedOnLine0(string text) =>
        Imports.HasProblemAt(Imports.Text(text), 0, "empty");

    [Fact]
    public void Import_UnrecognisableContent_AsksForTheFormat() =>
        Imports.HasProblemAt(Imports.Text("a,b,c\n1,2,3\n", new PriceImportRequest { FileName = "x.csv" }), 1, "--format");

    [Fact]
    public void Import_ExplicitFormatOverridesDetection()
    {
        var result = Imports.Text("# placement-prices v1\n", new PriceImportRequest { Format = PriceImportFormat.SkyPilotCsv, Cloud = Cloud.Aws });

        Assert.Equal(PriceImportFormat.SkyPilotCsv, result.Format);
        Imports.HasProblemAt(result, 1, "lacks column");
    }

    [Fact]
    public void Import_LargeFile_ReportsProgressUpToTheWholeFile()
    {
        var progress = new RecordingProgress();
        var bytes = File.ReadAllBytes(RepositoryPaths.GcpCatalog);

        using var stream = new MemoryStream(bytes);
        var result = PriceImporter.Import(stream, SharedCatalogs.Request(), active: null, progress);

        Assert.True(result.Accepted, result.DescribeProblems());
        Assert.True(progress.Reports.Count > 5, $"{progress.Reports.Count} reports");
        Assert.Equal(progress.Reports.OrderBy(r => r.RowsRead).ToList(), progress.Reports);
        Assert.Equal(new ImportProgress(result.Counts.RowsRead, bytes.Length, bytes.Length), progress.Reports[^1]);
    }

    [Fact]
    public void Import_StreamThatCannotSeek_ReadsTheSame()
    {
        var text = "# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,3.06,,\n";
        using var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(text));

        var result = PriceImporter.Import(stream, new PriceImportRequest(), active: null);

        Assert.True(result.Accepted, result.DescribeProblems());
    }

    [Fact]
    public void Import_Rejected_LeavesTheActiveDataAsItWas()
    {
        var active = new PriceCatalogData(
            [new PriceEntry(new PriceKey(Cloud.Aws, "us-east-1", "p3.2xlarge", CapacityType.OnDemand), Money.Of(3m))], [], []);
        var before = active.Prices.ToList();

        var result = Imports.Text("# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\naws,us-east-1,p3.2xlarge,-1,,\n", active: active);

        Assert.Null(result.Data);
        Assert.Equal(before, active.Prices);
    }

    [Fact]
    public void Import_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var stream = File.OpenRead(RepositoryPaths.AzureCatalog);

        Assert.ThrowsAny<OperationCanceledException>(() => PriceImporter.Import(stream, SharedCatalogs.Request(), null, null, cancelled.Token));
    }

    private sealed class RecordingProgress : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }

    /// <summary>Like a network stream: no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
