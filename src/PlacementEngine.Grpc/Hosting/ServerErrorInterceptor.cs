using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// Turns whatever a handler throws into one status: statuses the services chose pass through, their
/// messages cut to what a header can carry (<see cref="StatusMessageEncoding.MaxEncodedLength"/>); an unexpected
/// exception is logged and answered INTERNAL with a trace id, never its details; a transient one (<see cref="TransientFailures"/>)
/// UNAVAILABLE, which clients retry. Streams also end, UNAVAILABLE,
/// when the server shuts down, so a watch does not hold the shutdown until it times out.
/// </summary>
internal sealed partial class ServerErrorInterceptor(IHostApplicationLifetime lifetime, ILogger<ServerErrorInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, () => continuation(requestStream, context));

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var stopping = new StoppingServerCallContext(context, lifetime.ApplicationStopping);
        await GuardAsync(stopping, async () =>
        {
            await continuation(request, responseStream, stopping).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var stopping = new StoppingServerCallContext(context, lifetime.ApplicationStopping);
        await GuardAsync(stopping, async () =>
        {
            await continuation(requestStream, responseStream, stopping).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private async Task<T> GuardAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        UndecodableRequestMiddleware.MarkHandlerReached(context.GetHttpContext());
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException ex) when (StatusMessageEncoding.Bound(ex.Status.Detail) is var bounded && !ReferenceEquals(bounded, ex.Status.Detail))
        {
            // One place bounds every status message, whichever service wrote it and however much input it quotes.
            throw new RpcException(new Status(ex.StatusCode, bounded), ex.Trailers);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (InvalidProtocolBufferException ex)
        {
            // A streamed request message that does not decode: the client's bytes, not the server, are at fault.
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a request message of {context.Method} is not valid protobuf for its type: {ex.Message}"));
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the server is shutting down; call again to reach another replica or the restarted server"));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The deadline passed or the client went away: the package answers DEADLINE_EXCEEDED or no one is listening.
            throw;
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            var traceId = context.GetHttpContext().TraceIdentifier;
            LogTransientFailure(logger, ex, context.Method, traceId);
            throw new RpcException(new Status(StatusCode.Unavailable, $"temporarily unavailable: call again; a submission retried with the same idempotency key answers the same job (trace id {traceId})"));
        }
        catch (Exception ex)
        {
            // Internals stay in the log; the client gets an id to quote.
            var traceId = context.GetHttpContext().TraceIdentifier;
            LogHandlerFailed(logger, ex, context.Method, traceId);
            throw new RpcException(new Status(StatusCode.Internal, $"internal error; the server log has the details under trace id {traceId}"));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC {Method} failed (trace id {TraceId}); answered INTERNAL")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "gRPC {Method} met a transient failure (trace id {TraceId}); answered UNAVAILABLE")]
    private static partial void LogTransientFailure(ILogger logger, Exception exception, string method, string traceId);
}
