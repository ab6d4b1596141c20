using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlacementEngine.Storage.Postgres;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// On the shared PostgreSQL store, ends now and then the sessions of any silo that froze part-way through a commit
/// with its locks held (PostgresStores.EndStalledSessionsAsync), so the other silos' commits do not wait on it for
/// as long as it stays frozen. Does nothing on the embedded store, which one process owns.
/// </summary>
internal sealed partial class StalledSessionSweep(OpenStores stores, TimeProvider time, ILogger<StalledSessionSweep> log) : BackgroundService
{
    /// <summary>How often; a frozen session is ended within this much after its stall reaches the store's limit.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    // Set while the sweep cannot reach the database, so that an outage is logged once.
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (stores.Postgres is not { } postgres)
        {
            return;
        }
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(postgres, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(PostgresStores postgres, CancellationToken stoppingToken)
    {
        try
        {
            if (await postgres.EndStalledSessionsAsync(stoppingToken) is var ended and > 0)
            {
                Ended(log, ended, PostgresStores.StalledSessionTimeout.TotalSeconds);
            }
            _failing = false;
        }
        catch (DbException e)
        {
            // The database unreachable or busy: the commits report that themselves, so one line per outage, not
            // one per tick; the next tick tries again.
            if (!_failing)
            {
                Failed(log, e.Message);
            }
            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ended {Count} PostgreSQL sessions stalled mid-commit with locks held for over {Seconds} s (a frozen silo's), releasing their locks")]
    private static partial void Ended(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not look for stalled PostgreSQL sessions: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);
}
