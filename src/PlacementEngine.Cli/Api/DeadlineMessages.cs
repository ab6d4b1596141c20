using Grpc.Core;
using Grpc.Core.Interceptors;

namespace PlacementEngine.Cli.Api;

/// <summary>
/// Names the method and the deadline when a call runs out of time ("/placement.v1.JobService/GetJob: deadline of
/// 30 s exceeded"), where the client alone would say only "Deadline Exceeded", so the user knows which --timeout to raise.
/// </summary>
internal sealed class DeadlineMessages : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        var described = Describe(context.Method, context.Options.Deadline);
        return new AsyncUnaryCall<TResponse>(
            described.Await(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        var reader = new DescribedReader<TResponse>(call.ResponseStream, Describe(context.Method, context.Options.Deadline));
        return new AsyncServerStreamingCall<TResponse>(reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(context);
        var reader = new DescribedReader<TResponse>(call.ResponseStream, Describe(context.Method, context.Options.Deadline));
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            call.RequestStream, reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static DeadlineDescription Describe(IMethod method, DateTime? deadline)
    {
        var seconds = deadline is { } at ? Math.Round((at - TimeProvider.System.GetUtcNow().UtcDateTime).TotalSeconds) : 0;
        return new DeadlineDescription($"{method.FullName}: deadline of {seconds:0} s exceeded", deadline is not null);
    }

    private sealed record DeadlineDescription(string Detail, bool HasDeadline)
    {
        public bool Applies(RpcException exception) => HasDeadline && exception.StatusCode == StatusCode.DeadlineExceeded;

        public RpcException Rewrite(RpcException exception) =>
            new(new Status(StatusCode.DeadlineExceeded, Detail, exception.Status.DebugException), exception.Trailers);

        public async Task<T> Await<T>(Task<T> response)
        {
            try
            {
                return await response.ConfigureAwait(false);
            }
            catch (RpcException e) when (Applies(e))
            {
                throw Rewrite(e);
            }
        }
    }

    private sealed class DescribedReader<T>(IAsyncStreamReader<T> inner, DeadlineDescription description) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (description.Applies(e))
            {
                throw description.Rewrite(e);
            }
        }
    }
}
