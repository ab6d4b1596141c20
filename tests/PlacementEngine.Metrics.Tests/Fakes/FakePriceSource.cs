using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics.Tests.Fakes;

internal sealed class FakePriceSource(PriceBook active) : IPriceSource
{
    public PriceBook Active { get; set; } = active;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
