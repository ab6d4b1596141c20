using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics.Tests.Fakes;

internal sealed class FakeFleetSource(Fleet fleet) : IFleetSource
{
    public Fleet Current { get; set; } = fleet;

    public long Generation => 1;
}
