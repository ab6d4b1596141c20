using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.Jobs;
using PlacementEngine.Storage.Conformance.PriceBooks;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests.Stores;

/// <summary>
/// The store conformance suites against the in-memory test stores, so the fakes the scheduling and API tests
/// run on keep the real stores' contract. No reopen tests: nothing here outlives the process.
/// </summary>
public sealed class InMemoryJobStoreConformanceTests : JobStoreConformanceTests
{
    protected override Task<IJobStore> CreateStoreAsync() => Task.FromResult<IJobStore>(new InMemoryJobStore());
}

public sealed class InMemoryPriceBookStoreConformanceTests : PriceBookStoreConformanceTests
{
    protected override Task<IPriceBookStore> CreateStoreAsync() => Task.FromResult<IPriceBookStore>(new InMemoryPriceBookStore());
}
