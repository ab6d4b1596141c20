using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using PlacementEngine.Cli.Commands.Pricing;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Wire;

/// <summary>placectl's real gRPC client against fake services on a real HTTP/2 server: what goes on the wire, and what comes back.</summary>
public sealed class GrpcWireTests : IAsyncLifetime
{
    private const string Token = "wire-token";
    private InProcessGrpcServer _server = null!;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pe-cli-wire-{Guid.NewGuid():N}.csv");

    public async Task InitializeAsync() => _server = await InProcessGrpcServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task SubmitThenGet_OverGrpc_SendTheBearerTokenAndPrintTheAnswers()
    {
        var job = Samples.RunningJob("job-wire-1");
        _server.Jobs.OnSubmit = request => new SubmitJobResponse { Job = new Job(job) { Spec = request.Spec } };
        _server.Jobs.OnGet = (_, _) => Task.FromResult(job);

        var submitted = await RunAsync("jobs", "submit", "-f", Path.Combine(AppContext.BaseDirectory, "Examples", "spot-t4.yaml"), "-o", "json");
        var got = await RunAsync("jobs", "get", "job-wire-1");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (submitted.ExitCode, got.ExitCode));
        Assert.Contains("\"id\": \"job-wire-1\"", submitted.Stdout, StringComparison.Ordinal);
        Assert.Contains("llm-finetune-eu", got.Stdout, StringComparison.Ordinal);
        var calls = _server.Jobs.Calls.ToList();
        Assert.Equal(["SubmitJob", "GetJob"], calls.Select(c => c.Method));
        Assert.All(calls, c => Assert.Equal($"Bearer {Token}", c.Authorization));
        var submit = Assert.IsType<SubmitJobRequest>(calls[0].Request);
        Assert.Equal(("t4-batch-inference", 1, "T4"), (submit.Spec.Name, submit.Spec.Worker.Gpus, submit.Spec.Worker.GpuModels.Single()));
        Assert.StartsWith("placectl-", submit.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal("job-wire-1", Assert.IsType<GetJobRequest>(calls[1].Request).Id);
    }

    [Fact]
    public async Task Get_ServerAnswersNotFound_PrintsTheStatusAndExitsWithItsCode()
    {
        _server.Jobs.OnGet = (request, _) => throw new RpcException(new Status(StatusCode.NotFound, $"job {request.Id} not found"));

        var result = await RunAsync("jobs", "get", "job-9");

        Assert.Equal(15, result.ExitCode);
        Assert.Equal("error: NOT_FOUND: job job-9 not found\n", result.Stderr);
    }

    [Fact]
    public async Task Get_NoAnswerBeforeTheTimeout_DeadlineExceededNamingTheMethodAndTheDeadline()
    {
        _server.Jobs.OnGet = async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return new Job();
        };

        var result = await RunAsync("jobs", "get", "job-1", "--timeout", "1");

        Assert.Equal(ExitCodes.ForStatus(StatusCode.DeadlineExceeded), result.ExitCode);
        Assert.Equal("error: DEADLINE_EXCEEDED: /placement.v1.JobService/GetJob: deadline of 1 s exceeded\n", result.Stderr);
    }

    [Fact]
    public async Task Watch_ServerStreamsTheJobToItsEnd_PrintsEachTransitionAndSucceeds()
    {
        _server.Jobs.WatchEvents =
        [
            new JobEvent { Job = Samples.RunningJob() },
            new JobEvent { Transition = new StateTransition { From = JobState.Running, To = JobState.Succeeded, Reason = "pods succeeded", At = Samples.Created } },
        ];

        var result = await RunAsync("jobs", "watch", "job-7f3a");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("pods succeeded", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("job-7f3a", Assert.IsType<WatchJobRequest>(Assert.Single(_server.Jobs.Calls).Request).Id);
    }

    [Fact]
    public async Task Import_OverGrpc_ServerGetsTheHeaderThenTheWholeFileInChunksThenTheHalfClose()
    {
        var content = Enumerable.Range(0, 600_000).Select(i => (byte)(i % 253)).ToArray();
        await File.WriteAllBytesAsync(_file, content);
        _server.Pricing.OnImport = (_, _) =>
        [
            new ImportPricesEvent { Progress = new ImportProgress { Phase = "parsing", RowsRead = 12, BytesRead = 600_000, TotalBytes = 600_000 } },
            new ImportPricesEvent { Outcome = new ImportOutcome { Book = new PriceBookVersion { Version = 4, Active = true }, Format = "placement-v1", RowsRead = 12, Prices = 24 } },
        ];

        var result = await RunAsync("pricing", "import", _file, "--format", "placement-v1", "--comment", "wire", "--no-activate");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Stderr);
        Assert.Equal($"Bearer {Token}", _server.Pricing.Authorization);
        Assert.Equal(
            new ImportPricesHeader { FileName = Path.GetFileName(_file), TotalBytes = content.Length, Format = "placement-v1", Comment = "wire", NoActivate = true },
            _server.Pricing.Header);
        Assert.Equal(content, _server.Pricing.Received.ToArray());
        Assert.Equal([PriceFileRequests.ChunkBytes, PriceFileRequests.ChunkBytes, content.Length - (2 * PriceFileRequests.ChunkBytes)], _server.Pricing.ChunkSizes);
        Assert.True(_server.Pricing.HalfClosed);
        Assert.Contains($"Imported {Path.GetFileName(_file)} as price book 4 (active).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("validating: 12 rows read (100%)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ServerRejectsTheFile_PrintsEveryProblemWithItsLineAndExitsWithInvalidArgument()
    {
        await File.WriteAllTextAsync(_file, "# placement-prices v1\ncloud,region\ngcp,nowhere\n");
        _server.Pricing.OnImport = (_, _) => Rejected();

        var result = await RunAsync("pricing", "import", _file);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.InvalidArgument), result.ExitCode);
        Assert.EndsWith(
            $"error: INVALID_ARGUMENT: the price file {Path.GetFileName(_file)} was rejected and nothing changed: 2 problems\nline 2: missing column price\nline 3: unknown region nowhere\n",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Import_ServerRefusesBeforeReadingAByte_ItsStatusIsWhatPlacectlReports()
    {
        await File.WriteAllBytesAsync(_file, new byte[3 * PriceFileRequests.ChunkBytes]);
        _server.Pricing.OnStart = _ => throw new RpcException(new Status(StatusCode.PermissionDenied, "pricing needs an admin token"));

        var result = await RunAsync("pricing", "import", _file);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.PermissionDenied), result.ExitCode);
        Assert.EndsWith("error: PERMISSION_DENIED: pricing needs an admin token\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_TokenThatCannotTravelInAHeader_UsageErrorBeforeAnyCall()
    {
        var result = await RunAsync(Token + " with spaces", ["clusters", "list"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: the token (--token or PLACEMENT_TOKEN) contains whitespace or characters that cannot be sent in a header\n", result.Stderr);
        Assert.Empty(_server.Jobs.Calls);
    }

    [Fact]
    public async Task AnyCommand_ServerCertificateNotTrusted_UnreachableNamingTheTlsFailure()
    {
        using var certificate = SelfSigned();
        await using var tls = await InProcessGrpcServer.StartAsync(certificate);
        var address = $"https://127.0.0.1:{tls.Address.Port}";

        var result = await RunAsync(Token, ["clusters", "list", "--server", address]);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith($"error: cannot connect to the placement server at {address}: TLS handshake failed: ", result.Stderr, StringComparison.Ordinal);
    }

    private static IEnumerable<ImportPricesEvent> Rejected()
    {
        var rejection = new ImportRejection { ProblemCount = 2 };
        rejection.Problems.Add(new ImportProblem { Line = 2, Message = "missing column price" });
        rejection.Problems.Add(new ImportProblem { Line = 3, Message = "unknown region nowhere" });
        yield return new ImportPricesEvent { Rejected = rejection };
        throw new RpcException(new Status(StatusCode.InvalidArgument, "the price file was rejected"));
    }

    private Task<PlacectlResult> RunAsync(params string[] args) => RunAsync(Token, args);

    private async Task<PlacectlResult> RunAsync(string token, string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var environment = new Dictionary<string, string> { ["PLACEMENT_SERVER"] = _server.Address.ToString(), ["PLACEMENT_TOKEN"] = token };
        var exitCode = await PlacectlApp.RunAsync(args, stdout, stderr, environment.GetValueOrDefault);
        return new PlacectlResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=placectl-wire-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
