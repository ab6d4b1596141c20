using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using PlacementEngine.Cli.Commands;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;

namespace PlacementEngine.Cli.Tests.Commands;

public sealed class ErrorReportingTests
{
    private readonly Placectl _placectl = new();

    [Theory]
    [InlineData(StatusCode.NotFound, "job job-9 not found", 15, "error: NOT_FOUND: job job-9 not found\n")]
    [InlineData(StatusCode.InvalidArgument, "spec.worker.gpus must be at least 0", 13, "error: INVALID_ARGUMENT: spec.worker.gpus must be at least 0\n")]
    [InlineData(StatusCode.PermissionDenied, "job belongs to team other", 17, "error: PERMISSION_DENIED: job belongs to team other\n")]
    [InlineData(StatusCode.Unauthenticated, "missing bearer token", 26, "error: UNAUTHENTICATED: missing bearer token\nhint: the server wants a bearer token: pass --token TOKEN, set PLACEMENT_TOKEN, or give the context a token file (placectl config set-context NAME --token-file FILE).\n")]
    [InlineData(StatusCode.Unavailable, "shutting down", 24, "error: UNAVAILABLE: shutting down\n")]
    public async Task RunAsync_ServerAnswersWithStatus_PrintsStatusNameAndExitsWithItsCode(StatusCode status, string detail, int exitCode, string stderr)
    {
        _placectl.Api.OnGet = _ => throw new RpcException(new Status(status, detail));

        var result = await _placectl.RunAsync("jobs", "get", "job-9");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(stderr, result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void ForStatus_EveryStatus_GivesADistinctCodeClearOfPlacectlsOwn()
    {
        var codes = Enum.GetValues<StatusCode>().Where(s => s != StatusCode.OK).Select(ExitCodes.ForStatus).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.InRange(code, 11, 26));
    }

    [Fact]
    public async Task RunAsync_NothingListening_SaysItCannotConnectAndNamesTheServer()
    {
        var address = $"http://127.0.0.1:{UnusedLoopbackPort()}";
        var host = new CliHost(new StringWriter(), new StringWriter { NewLine = "\n" }, _ => null);

        var exitCode = await PlacectlApp.RunAsync(["jobs", "get", "job-1", "--server", address], host);

        Assert.Equal(ExitCodes.Unreachable, exitCode);
        Assert.StartsWith($"error: cannot connect to the placement server at {address}: connection refused\n", host.Stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_IsUsageErrorWithoutStackTrace()
    {
        var result = await _placectl.RunAsync("jobs", "frobnicate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'placectl jobs --help' for usage.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageToStdoutAndSucceeds()
    {
        var result = await _placectl.RunAsync("jobs", "submit", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("--idempotency-key", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnexpectedException_IsReportedAsFailure()
    {
        _placectl.Api.OnGet = _ => throw new InvalidOperationException("boom");

        var result = await _placectl.RunAsync("jobs", "get", "job-1");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("error: boom\n", result.Stderr);
    }

    [Fact]
    public async Task RunAsync_CommandFinishes_DisposesTheConnection()
    {
        await _placectl.RunAsync("clusters", "list");

        Assert.True(_placectl.Api.Disposed);
    }

    /// <summary>A port that was free a moment ago; connecting to it is refused at once.</summary>
    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
