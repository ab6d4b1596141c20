using Microsoft.Extensions.Hosting;
using PlacementEngine.Metrics;

namespace PlacementEngine.Server.Hosting;

/// <summary>Orleans' meters on this silo's /metrics for the life of the host.</summary>
internal sealed class OrleansMeterExport(PlacementMetrics metrics) : IHostedService, IDisposable
{
    private IDisposable? _export;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _export = OrleansMeters.ExportTo(metrics.Registry);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _export?.Dispose();
        _export = null;
    }
}
