using Grpc.Core;
using PlacementEngine.Cli.Commands.Pricing;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands.Pricing;

public sealed class ImportCommandTests : IDisposable
{
    private readonly Placectl _placectl = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pe-cli-prices-{Guid.NewGuid():N}.csv");

    private const int FileBytes = 1_200_000;

    public ImportCommandTests()
    {
        // Four whole chunks and a part of one.
        File.WriteAllBytes(_file, Enumerable.Range(0, FileBytes).Select(i => (byte)(i % 251)).ToArray());
        _placectl.PricingApi.OnImport = _ =>
        [
            Progress("parsing", 10, FileBytes / 2),
            Progress("parsing", 20, FileBytes),
            Progress("storing", 20, FileBytes),
            new ImportPricesEvent
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
    public async Task Import_File_HeaderWithTheFlagsThenTheWholeFileInChunks()
    {
        var result = await _placectl.RunAsync(
            "pricing", "import", _file, "--format", "configmap", "--cloud", "gcp", "--region", "gcp:us-central1", "--comment", "refresh", "--allow-large-changes", "--no-activate");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(_file), _placectl.PricingApi.Uploaded.ToArray());
        var header = Assert.IsType<ImportPricesHeader>(Assert.Single(_placectl.PricingApi.Requests));
        Assert.Equal(
            new ImportPricesHeader
            {
                FileName = Path.GetFileName(_file),
                TotalBytes = FileBytes,
                Format = "configmap",
                Cloud = "gcp",
                Region = "gcp:us-central1",
                Comment = "refresh",
                AllowLargeChanges = true,
                NoActivate = true,
            },
            header);
        Assert.Equal([.. Enumerable.Repeat(PriceFileRequests.ChunkBytes, 4), FileBytes - (4 * PriceFileRequests.ChunkBytes)], _placectl.PricingApi.ChunkSizes);
    }

    [Fact]
    public async Task Import_File_ProgressOnStderrAndTheNewVersionWithCountsOnStdout()
    {
        var result = await _placectl.RunAsync("pricing", "import", _file);

        var name = Path.GetFileName(_file);
        Assert.Equal(
            [
                $"uploading {name}: 0 B of 1.1 MiB (0%)",
                $"uploading {name}: 512.0 KiB of 1.1 MiB (43%)",
                $"uploading {name}: 768.0 KiB of 1.1 MiB (65%)",
                $"uploading {name}: 1.0 MiB of 1.1 MiB (87%)",
                $"uploading {name}: 1.1 MiB of 1.1 MiB (100%)",
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
        _placectl.PricingApi.OnImport = _ => RejectedThenInvalidArgument(2, (3, "Price 'abc' is not a number"), (9, "unknown region"));

        var result = await _placectl.RunAsync("pricing", "import", _file);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.InvalidArgument), result.ExitCode);
        var name = Path.GetFileName(_file);
        Assert.EndsWith(
            $"error: INVALID_ARGUMENT: the price file {name} was rejected and nothing changed: 2 problems\nline 3: Price 'abc' is not a number\nline 9: unknown region\n",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Import_RejectedWithMoreProblemsThanListed_NamesTheWholeFileAndCountsTheRest()
    {
        _placectl.PricingApi.OnImport = _ => RejectedThenInvalidArgument(5, (0, "no price rows"), (4, "bad\u001b[2Jcloud"));

        var result = await _placectl.RunAsync("pricing", "import", _file);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.InvalidArgument), result.ExitCode);
        Assert.EndsWith(
            "rejected and nothing changed: 5 problems\nline 0 (whole file): no price rows\nline 4: bad?[2Jcloud\n... and 3 more problems\n",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ServerEndsWithoutAnOutcome_IsAnInternalError()
    {
        _placectl.PricingApi.OnImport = _ => [Progress("parsing", 1, FileBytes)];

        var result = await _placectl.RunAsync("pricing", "import", _file);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.Internal), result.ExitCode);
        Assert.EndsWith("error: INTERNAL: the server ended the import without saying whether it was stored\n", result.Stderr, StringComparison.Ordinal);
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

    [Fact]
    public async Task Import_GuardFlags_SentInTheHeader()
    {
        await _placectl.RunAsync("pricing", "import", _file, "--allow-removals", "--allow-unpriced-pools", "--allow-below-floor", "--dry-run");

        var header = Assert.IsType<ImportPricesHeader>(Assert.Single(_placectl.PricingApi.Requests));
        Assert.Equal((true, true, true, true), (header.AllowRemovals, header.AllowUnpricedPools, header.AllowBelowFloor, header.DryRun));
    }

    [Fact]
    public async Task Import_Accepted_ShowsWhatTheFileReplaced()
    {
        _placectl.PricingApi.OnImport = _ => [new ImportPricesEvent { Outcome = new ImportOutcome { Book = new PriceBookVersion { Version = 7 }, Replaces = "all gcp prices" } }];

        var result = await _placectl.RunAsync("pricing", "import", _file);

        Assert.Contains("Replaced:        all gcp prices", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DryRun_PrintsWhatItReplacesAndTheDiffAndNoVersion()
    {
        var diff = new DiffPriceBooksResponse { FromVersion = 6, ToVersion = 0, ChangedCount = 1, RemovedCount = 2 };
        diff.Changed.Add(new PriceChange { Cloud = "gcp", Region = "us-central1", InstanceType = "a2-highgpu-1g", CapacityType = CapacityType.OnDemand, OldPrice = "3.67", NewPrice = "3.5", PercentChange = "-4.63" });
        _placectl.PricingApi.OnImport = _ => [new ImportPricesEvent { Outcome = new ImportOutcome { DryRun = true, Replaces = "all prices", Diff = diff } }];

        var result = await _placectl.RunAsync("pricing", "import", _file, "--dry-run");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith($"Dry run: {Path.GetFileName(_file)} is valid; nothing was stored. It replaces all prices.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("a2-highgpu-1g", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Price book 6 -> this import: 1 changed, 0 added, 2 removed prices", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", result.Stdout, StringComparison.Ordinal);
    }

    private static ImportPricesEvent Progress(string phase, long rows, long bytes) =>
        new() { Progress = new ImportProgress { Phase = phase, RowsRead = rows, BytesRead = bytes, TotalBytes = FileBytes } };

    /// <summary>As the server ends a rejected import: the rejection as the last event, then INVALID_ARGUMENT.</summary>
    private static IEnumerable<ImportPricesEvent> RejectedThenInvalidArgument(int problemCount, params (long Line, string Message)[] problems)
    {
        var rejection = new ImportRejection { ProblemCount = problemCount };
        rejection.Problems.AddRange(problems.Select(p => new ImportProblem { Line = p.Line, Message = p.Message }));
        yield return new ImportPricesEvent { Rejected = rejection };
        throw new RpcException(new Status(StatusCode.InvalidArgument, "the price file was rejected: 2 problems"));
    }
}
