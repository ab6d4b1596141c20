using System.Collections.Concurrent;
using Grpc.Core;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Clients submitting small CPU jobs as pipelines would, each to a silo in turn. A call that fails with a retryable
/// status is retried with the same idempotency key on the next silo; any other status is recorded as a failure.
/// </summary>
/// <param name="pace">How long a client waits after each acknowledged job; zero submits as fast as the silos answer.</param>
internal sealed class SubmitterCrowd(IReadOnlyList<ServerProcess> silos, int clients, string prefix, TimeSpan pace = default)
{
    private static readonly StatusCode[] Retryable = [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Aborted, StatusCode.ResourceExhausted, StatusCode.Cancelled];

    private readonly ConcurrentDictionary<string, (string JobId, DateTime AckedAt)> _acknowledged = new();
    private readonly ConcurrentBag<string> _unexpected = [];
    private readonly ConcurrentBag<StatusCode> _retried = [];
    private readonly ConcurrentBag<string> _connectionsLost = [];
    private int _next;

    /// <summary>Idempotency key to job id and when it was acknowledged.</summary>
    public IReadOnlyDictionary<string, (string JobId, DateTime AckedAt)> Acknowledged => _acknowledged;

    /// <summary>Failures with a status a client may not retry: must stay empty.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    public IReadOnlyCollection<StatusCode> Retried => _retried;

    /// <summary>
    /// Calls that no server answered: the HTTP/2 connection closed under them while a server shut down (Kestrel sends
    /// a single GOAWAY, so a call the client started as it arrived is lost) and Grpc.Net.Client reports INTERNAL with
    /// the transport's exception. Retried like UNAVAILABLE: the submission is idempotent by its key.
    /// </summary>
    public IReadOnlyCollection<string> ConnectionsLost => _connectionsLost;

    /// <summary>What every job's name and idempotency key starts with, followed by a dash.</summary>
    public string Prefix => prefix;

    public Task RunAsync(Func<ServerProcess, bool> alive, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, alive, stop), CancellationToken.None)));

    private async Task ClientAsync(int client, Func<ServerProcess, bool> alive, CancellationToken stop)
    {
        var connections = silos.Select(s => s.Connect(DemoTokens.MlResearch)).ToList();
        try
        {
            var turn = client;
            while (!stop.IsCancellationRequested)
            {
                var key = $"{prefix}-{Interlocked.Increment(ref _next)}";
                for (var tries = 0; tries < 60; tries++)
                {
                    turn++;
                    var silo = turn % silos.Count;
                    if (!alive(silos[silo]))
                    {
                        continue;
                    }
                    try
                    {
                        var response = await connections[silo].Jobs.SubmitJobAsync(SmallJob.Request(key), deadline: ServerConnection.In(TimeSpan.FromSeconds(10)), cancellationToken: CancellationToken.None);
                        _acknowledged[key] = (response.Job.Id, DateTime.UtcNow);
                        if (pace > TimeSpan.Zero)
                        {
                            await Task.Delay(pace, CancellationToken.None);
                        }
                        break;
                    }
                    catch (RpcException ex) when (Retryable.Contains(ex.StatusCode))
                    {
                        _retried.Add(ex.StatusCode);
                        await Task.Delay(50, CancellationToken.None);
                    }
                    catch (RpcException ex) when (IsConnectionLostUnderTheCall(ex))
                    {
                        _connectionsLost.Add($"{key} on silo {silo}: {ex.Status.Detail}");
                        await Task.Delay(50, CancellationToken.None);
                    }
                    catch (RpcException ex)
                    {
                        _unexpected.Add($"{key} on silo {silo}: {ex.StatusCode} {ex.Status.Detail}");
                        break;
                    }
                }
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>INTERNAL made by the client itself from the transport's failure, never a status the server sent.</summary>
    private static bool IsConnectionLostUnderTheCall(RpcException ex) =>
        ex.StatusCode == StatusCode.Internal && ex.Status.DebugException is HttpRequestException { HttpRequestError: HttpRequestError.HttpProtocolError };
}
