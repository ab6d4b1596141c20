using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Api;

/// <summary>
/// The two halves of one ImportPrices call: the upload runs beside the reading of events, because the server may
/// report progress, or reject the file, before it has all of it.
/// </summary>
internal static class ImportUpload
{
    /// <summary>
    /// Writes every request, then half-closes. A failure to produce the next request (reading the file) ends the call
    /// and is thrown; a failed write means the server already ended the call, whose status the events then tell.
    /// </summary>
    public static async Task SendAsync(
        AsyncDuplexStreamingCall<ImportPricesRequest, ImportPricesEvent> call,
        IAsyncEnumerable<ImportPricesRequest> requests,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in requests.WithCancellation(cancellationToken))
            {
                if (!await TryAsync(() => call.RequestStream.WriteAsync(request, cancellationToken)))
                {
                    return;
                }
            }
            await TryAsync(call.RequestStream.CompleteAsync);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>The next event; when the call failed because the upload did, the upload's own error.</summary>
    public static async Task<bool> NextEventAsync(
        AsyncDuplexStreamingCall<ImportPricesRequest, ImportPricesEvent> call,
        Task sending,
        CancellationToken cancellationToken)
    {
        try
        {
            return await call.ResponseStream.MoveNext(cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && !cancellationToken.IsCancellationRequested)
        {
            // Cancelled without the caller asking: the upload may have ended the call, and then its error says why.
            await sending;
            throw;
        }
    }

    /// <summary>Waits for an upload the call's end has stopped; its error, if any, is already told by the call.</summary>
    public static async Task SettleAsync(Task sending)
    {
        try
        {
            await sending;
        }
        catch (Exception)
        {
            // The call's status or the exception already on its way out says what went wrong.
        }
    }

    private static async Task<bool> TryAsync(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException)
        {
            return false;
        }
    }
}
