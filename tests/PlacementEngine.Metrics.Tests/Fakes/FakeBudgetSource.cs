using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics.Tests.Fakes;

internal sealed class FakeBudgetSource : IBudgetSource
{
    public Dictionary<string, Money> Values { get; } = [];

    public IReadOnlyDictionary<string, Money> Budgets => Values;
}
