using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests.Pricing;

/// <summary>The price book from the store drives the cycle: a job priced out waits, and a new active book gives it another look.</summary>
public sealed class PriceChangeRequeueTests : IDisposable
{
    private const string InstanceType = "p4d.24xlarge";

    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryJobStore _jobs = new();
    private readonly InMemoryPriceBookStore _books = new();
    private readonly SimulatedExecutor _executor;
    private readonly Dispatchers _dispatchers;
    private readonly StoredPriceSource _prices;
    private readonly SchedulingCycle _cycle;

    public PriceChangeRequeueTests()
    {
        var fleets = Fleets.Make().Cluster("use1", "aws:us-east-1").Pool(InstanceType, "A100", 8, CapacityType.OnDemand, 32.7726m, 4);
        var fleet = new FleetState(fleets.Fleet());
        _prices = new StoredPriceSource(_books, fleets.Prices(version: 0));
        _executor = new SimulatedExecutor("use1", new SimulatedExecutorOptions(), _time);
        _dispatchers = new Dispatchers([_executor]);
        var writer = new JobWriter(_jobs, new JobEventHub(), _time);
        var problems = new ProblemBuilder(_jobs, fleet, _prices, new StaticBudgetSource(new Dictionary<string, Money>()));
        _cycle = new SchedulingCycle(_jobs, writer, problems, new SingleSolver(new GreedySolver()), fleet, _prices, _dispatchers, new RecordingTelemetry(), _time);
    }

    public void Dispose()
    {
        _prices.Dispose();
        _dispatchers.Dispose();
        _executor.Dispose();
    }

    [Fact]
    public async Task Cycle_JobOverItsPriceCap_WaitsUntilAnOverrideBringsThePriceUnderIt()
    {
        using var service = new PriceBookService(_books, _time);
        var key = new PriceKey(Cloud.Aws, "us-east-1", InstanceType, CapacityType.OnDemand);
        await service.ImportAsync(new PriceCatalogData([new PriceEntry(key, Money.Of(32.7726m))], [], []), "alice", "list prices", "test", activate: true, default);
        var job = await SubmitAsync(JobSpecs.Gpu("capped", 8, "A100").MaxHourly(25m).Obj());

        await _cycle.RunOnceAsync(default);
        var stuck = await _jobs.GetAsync(job.Id, default);
        Assert.Equal(JobState.Unschedulable, stuck!.State);
        Assert.StartsWith("price-cap", stuck.StateReason, StringComparison.Ordinal);

        var discount = new PriceOverride("edp", new OverrideSelector(Cloud: Cloud.Aws), OverrideKind.Percentage, -30m, "enterprise discount", "alice", _time.GetUtcNow());
        Assert.True((await service.SetOverrideAsync(discount, default)).Succeeded);
        var result = await _cycle.RunOnceAsync(default);

        Assert.Equal(1, result.Placed);
        Assert.Equal(2, _prices.Active.Version);
        var placed = await _jobs.GetAsync(job.Id, default);
        Assert.Equal(JobState.Placed, placed!.State);
        var transitions = await _jobs.GetTransitionsAsync(job.Id, default);
        Assert.Contains(transitions, t => t.From == JobState.Unschedulable && t.To == JobState.Pending && t.Reason.Contains("price book 2", StringComparison.Ordinal));
    }

    private async Task<Job> SubmitAsync(JobSpec spec)
    {
        var job = Job.New(new JobId("job-1"), spec, "key-1", _time.GetUtcNow());
        Assert.Equal(SubmitStatus.Created, (await _jobs.SubmitAsync(job, SpecFingerprint.Of(spec), default)).Status);
        return job;
    }
}
