using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.JobFiles;

namespace PlacementEngine.Cli.Errors;

/// <summary>Turns a failed command into one actionable stderr message and its exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, ConnectionSettings? connection, TextWriter stderr, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } when cancellationToken.IsCancellationRequested:
                stderr.WriteLine("interrupted");
                return ExitCodes.Interrupted;
            case CliUsageException usage:
                stderr.WriteLine($"error: {usage.Message}");
                return ExitCodes.Usage;
            case JobFileException jobFile:
                stderr.WriteLine($"error: {jobFile.Message}");
                return ExitCodes.InvalidJobFile;
            case RpcException rpc when IsConnectionFailure(rpc.Status.DebugException):
                return ReportUnreachable(rpc.Status.DebugException!, connection, stderr);
            case RpcException rpc:
                stderr.WriteLine($"error: {StatusNames.Of(rpc.StatusCode)}: {rpc.Status.Detail}");
                return ExitCodes.ForStatus(rpc.StatusCode);
            case Exception when IsConnectionFailure(exception):
                return ReportUnreachable(exception, connection, stderr);
            case OperationCanceledException:
                // Not asked for by the user, so the client gave up waiting.
                stderr.WriteLine($"error: {StatusNames.Of(StatusCode.DeadlineExceeded)}: no answer from {ServerName(connection)} in time");
                return ExitCodes.ForStatus(StatusCode.DeadlineExceeded);
            default:
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
        }
    }

    private static int ReportUnreachable(Exception failure, ConnectionSettings? connection, TextWriter stderr)
    {
        stderr.WriteLine($"error: cannot connect to the placement server at {ServerName(connection)}: {Describe(failure)}");
        stderr.WriteLine("hint: is the server running there? Point placectl elsewhere with --server or PLACEMENT_SERVER.");
        return ExitCodes.Unreachable;
    }

    private static bool IsConnectionFailure(Exception? exception) => exception switch
    {
        null => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        SocketException => true,
        _ => IsConnectionFailure(exception.InnerException),
    };

    /// <summary>The cause at the bottom (refused, unknown host, the certificate), not the HTTP client's "see inner exception".</summary>
    private static string Describe(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    return socket.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : socket.Message;
                case AuthenticationException tls:
                    return $"TLS handshake failed: {tls.Message}";
            }
        }

        return failure.Message;
    }

    private static string ServerName(ConnectionSettings? connection) =>
        connection?.Server.ToString().TrimEnd('/') ?? "the configured address";
}
