using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands.Pricing;

public sealed class ImportCommandTests : IDisposable
{
    private readonly Placectl _placectl = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pe-cli-prices-{Guid.NewGuid():N}.csv");

    public ImportCommandTests()
    {
        // 5000 bytes: five chunks of the fake server's 1024.
        File.WriteAllText(_file, new string('x', 5000));
        _placectl.PricingApi.OnCommit = _ =>
        [
            Progress("parsing", 10, 2500),
            Progress("parsing", 20, 5000),
            Progress("storing", 20, 5000),
            new CommitImportEvent
            {
                Outcome = new ImportOutcome
                {
                    Book = new PriceBookVersion { Version = 7, Active = true, PriceCount = 137_688, Source = "import skypilot-csv gcp prices.csv" },
                    Format = "skypilot-csv",
                    RowsRead = 31_286,
                    Prices = 27_002,
                    Notes = { "skipped 1648 TPU rows" },
                },
            },
        ];
    }

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Import_File_UploadedWholeInTheServersChunksThenCommittedWithTheFlags()
    {
        var result = await _placectl.RunAsync("pricing", "import", _file, "--format", "skypilot-csv", "--cloud", "gcp", "--comment", "refresh", "--allow-large-changes", "--no-activate");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(_file), _placectl.PricingApi.Uploaded.ToArray());
        var begin = Assert.IsType<BeginImportRequest>(_placectl.PricingApi.Requests[0]);
        Assert.Equal((5000L, Path.GetFileName(_file)), (begin.TotalBytes, begin.FileName));
        Assert.Equal(5, _placectl.PricingApi.Requests.OfType<UploadImportChunkRequest>().Count());
        var commit = Assert.IsType<CommitImportRequest>(_placectl.PricingApi.Requests[^1]);
        Assert.Equal(("upload-1", "skypilot-csv", "gcp", "refresh", true, true), (commit.UploadId, commit.Format, commit.Cloud, commit.Comment, commit.AllowLargeChanges, commit.NoActivate));
    }

    [Fact]
    public async Task Import_File_ProgressOnStderrAndTheNewVersionWithCountsOnStdout()
    {
        var result = await _placectl.RunAsync("pricing", "import", _file);

        var name = Path.GetFileName(_file);
        Assert.Equal(
            [
                $"uploading {name}: 0 B of 4.9 KiB (0%)",
                $"uploading {name}: 2.0 KiB of 4.9 KiB (40%)",
                $"uploading {name}: 3.0 KiB of 4.9 KiB (61%)",
                $"uploading {name}: 4.0 KiB of 4.9 KiB (81%)",
                $"uploading {name}: 4.9 KiB of 4.9 KiB (100%)",
                "validating: 10 rows read (50%)",
                "validating: 20 rows read (100%)",
                "storing the new price book version",
            ],
            result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains($"Imported {name} as price book 7 (active).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rows read:       31,286", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Prices:          27,002", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - skipped 1648 TPU rows", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_JsonOutput_IsTheOutcomeMessage()
    {
        var result = await _placectl.RunAsync("pricing", "import", _file, "-o", "json");

        Assert.Contains("\"rowsRead\": \"31286\"", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("uploading", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RejectedFile_PrintsEveryProblemLineAndExitsWithInvalidArgument()
    {
        _placectl.PricingApi.OnCommit = _ => throw new RpcException(StatusCode.InvalidArgument, "the price file p.csv was rejected and nothing changed: 2 problems\nline 3: Price 'abc' is not a number\nline 9: unknown region");

        var result = await _placectl.RunAsync("pricing", "import", _file);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.InvalidArgument), result.ExitCode);
        Assert.Contains("error: INVALID_ARGUMENT: the price file p.csv was rejected and nothing changed: 2 problems\nline 3: Price 'abc' is not a number\nline 9: unknown region\n", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Import_MissingFile_UsageErrorBeforeAnyCall()
    {
        var result = await _placectl.RunAsync("pricing", "import", _file + ".missing");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith($"error: cannot read {_file}.missing", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_placectl.PricingApi.Requests);
    }

    [Fact]
    public async Task Import_UnknownFormat_UsageError()
    {
        var result = await _placectl.RunAsync("pricing", "import", _file, "--format", "excel");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(_placectl.PricingApi.Requests);
    }

    private static CommitImportEvent Progress(string phase, long rows, long bytes) =>
        new() { Progress = new ImportProgress { Phase = phase, RowsRead = rows, BytesRead = bytes, TotalBytes = 5000 } };
}
