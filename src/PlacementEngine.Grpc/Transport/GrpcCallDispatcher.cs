using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

/// <summary>
/// Runs one gRPC call end to end: finds the method, refuses compression, reads the deadline, authenticates,
/// invokes the handler, and turns whatever happened into exactly one gRPC status.
/// </summary>
internal sealed partial class GrpcCallDispatcher(
    GrpcServiceRegistry registry,
    BearerTokenAuthenticator authenticator,
    GrpcServerOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<GrpcCallDispatcher> logger)
{
    // CancellationTokenSource timers cannot run longer; a longer grpc-timeout is as good as none.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public async Task DispatchAsync(HttpContext http)
    {
        var started = time.GetTimestamp();
        var path = http.Request.Path.Value ?? "";
        PrepareResponse(http);
        var call = new GrpcServerCall(http, options.MaxReceiveMessageBytes);
        ServerCallContext? context = null;
        CancellationTokenSource? deadline = null;
        CancellationTokenSource? callCancellation = null;
        TimeSpan? timeout = null;
        var status = StatusCode.OK;
        string? detail = null;
        try
        {
            var method = Resolve(path);
            RefuseCompression(http.Request);
            timeout = ReadTimeout(http.Request);
            var caller = method.AllowAnonymous ? null : authenticator.Authenticate(http.Request.Headers.Authorization);
            if (timeout is { } t && t < LongestTimer)
            {
                deadline = new CancellationTokenSource(t, time);
            }
            callCancellation = CancellationTokenSource.CreateLinkedTokenSource(
                http.RequestAborted,
                deadline?.Token ?? CancellationToken.None,
                method.IsServerStreaming ? lifetime.ApplicationStopping : CancellationToken.None);
            context = new ServerCallContext(http, method.Name, caller, time.GetUtcNow() + timeout, callCancellation.Token);
            await method.InvokeAsync(call, context).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            (status, detail) = (ex.Status, ex.Detail);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream or went away: there is no one to send a status to.
            Log.ClientWentAway(logger, path, http.TraceIdentifier);
            return;
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true)
        {
            (status, detail) = (StatusCode.DeadlineExceeded, $"deadline exceeded: the call took longer than its grpc-timeout of {timeout!.Value.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            (status, detail) = (StatusCode.Unavailable, "the server is shutting down; call again to reach another replica or the restarted server");
        }
        catch (Exception ex)
        {
            // Internals stay in the log; the client gets an id to quote.
            Log.HandlerFailed(logger, ex, path, http.TraceIdentifier);
            (status, detail) = (StatusCode.Internal, $"internal error; the server log has the details under trace id {http.TraceIdentifier}");
        }
        finally
        {
            callCancellation?.Dispose();
            deadline?.Dispose();
        }

        call.Complete(status, detail, context?.ResponseTrailers ?? []);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = time.GetElapsedTime(started);
            Log.CallCompleted(logger, path, status, elapsed.TotalMilliseconds, http.TraceIdentifier);
        }
    }

    private static void PrepareResponse(HttpContext http)
    {
        // Each message is bounded by MaxReceiveMessageBytes instead, and a stream's body may idle between messages.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } dataRate)
        {
            dataRate.MinDataRate = null;
        }
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.IdentityEncoding;
    }

    private GrpcMethodHandler Resolve(string path)
    {
        if (registry.TryGetMethod(path, out var method))
        {
            return method;
        }
        if (!GrpcMethodName.TryParse(path, out var name))
        {
            throw new RpcException(StatusCode.Unimplemented, $"unknown method '{path}': expected /package.Service/Method");
        }
        throw new RpcException(
            StatusCode.Unimplemented,
            registry.HasService(name.Service)
                ? $"unknown method '{path}': service {name.Service} has no method {name.Method}"
                : $"unknown method '{path}': this server has no service {name.Service}");
    }

    private static void RefuseCompression(HttpRequest request)
    {
        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && !encoding.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.Unimplemented, $"{GrpcProtocol.CompressionNotSupported} (the request has grpc-encoding '{encoding}')");
        }
    }

    private static TimeSpan? ReadTimeout(HttpRequest request)
    {
        var header = request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (header.Length == 0)
        {
            return null;
        }
        return GrpcTimeout.TryParse(header, out var timeout)
            ? timeout
            : throw new RpcException(StatusCode.Internal, $"malformed grpc-timeout '{header}': expected 1 to 8 digits and a unit (H, M, S, m, u, n)");
    }
}
