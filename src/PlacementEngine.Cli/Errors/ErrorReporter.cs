using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Config;
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
            case ConfigException config:
                stderr.WriteLine($"error: {config.Message}");
                return ExitCodes.Usage;
            case JobFileException jobFile:
                stderr.WriteLine($"error: {jobFile.Message}");
                return ExitCodes.InvalidJobFile;
            case RpcException rpc when IsConnectionFailure(rpc.Status.DebugException):
                return ReportUnreachable(rpc.Status.DebugException!, connection, stderr);
            case RpcException rpc when connection?.Server.Scheme == Uri.UriSchemeHttp && IsFailedHandshake(rpc.Status.DebugException):
                // Plain HTTP/2 to a TLS port: the client's own words ("could not be established ... (InvalidResponse)") hide the cause.
                stderr.WriteLine($"error: cannot connect to the placement server at {ServerName(connection)}: it did not answer the HTTP/2 handshake");
                stderr.WriteLine($"hint: if the server serves TLS, use https://, e.g. --server https://{connection.Server.Authority}");
                return ExitCodes.Unreachable;
            case RpcException rpc:
                stderr.WriteLine($"error: {StatusNames.Of(rpc.StatusCode)}: {rpc.Status.Detail}");
                if (rpc.StatusCode == StatusCode.Unauthenticated)
                {
                    stderr.WriteLine(TokenHint(connection));
                }

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
        stderr.WriteLine(IsTlsFailure(failure)
            ? "hint: the server's certificate is not trusted, or names another host. For a private CA: placectl config set-context NAME --certificate-authority FILE; and use the host name the certificate names."
            : "hint: is the server running there? Point placectl elsewhere with --server, PLACEMENT_SERVER or a context (placectl config use-context NAME).");
        return ExitCodes.Unreachable;
    }

    /// <summary>How to pass a token when none was sent; where the refused one came from when one was.</summary>
    private static string TokenHint(ConnectionSettings? connection) => connection?.BearerToken is null
        ? "hint: the server wants a bearer token: pass --token TOKEN, set PLACEMENT_TOKEN, or give the context a token file (placectl config set-context NAME --token-file FILE)."
        : $"hint: the server refused the token from {connection.TokenSource ?? "--token"}; check that it is current and meant for this server.";

    private static bool IsFailedHandshake(Exception? exception) => exception switch
    {
        null => false,
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError } => true,
        _ => IsFailedHandshake(exception.InnerException),
    };

    private static bool IsTlsFailure(Exception? exception) =>
        exception is not null && (exception is AuthenticationException || IsTlsFailure(exception.InnerException));

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
