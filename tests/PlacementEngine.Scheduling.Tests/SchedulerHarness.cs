using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>The scheduling pieces wired on a fake clock, an in-memory store and simulated clusters; tests drive each step.</summary>
internal sealed class SchedulerHarness : IDisposable
{
    private readonly Dictionary<string, ClusterDispatcher> _dispatchers;

    public SchedulerHarness(Fleets fleets, IReadOnlyDictionary<string, Money>? budgets = null, Func<string, IClusterExecutor>? executorFor = null, IPriceSource? prices = null, SchedulerOptions? options = null)
    {
        Fleet = new FleetState(fleets.Fleet());
        Prices = prices ?? new StaticPriceSource(fleets.Prices());
        var budgetSource = new StaticBudgetSource(budgets ?? new Dictionary<string, Money>());
        Writer = new JobWriter(Store, Events, Time);
        Queue = PendingQueue.FedBy(Events);
        Simulated = Fleet.Current.Clusters.ToDictionary(c => c.Name, c => new SimulatedExecutor(c.Name, new SimulatedExecutorOptions(), Time));
        var executors = Fleet.Current.Clusters.Select(c => executorFor?.Invoke(c.Name) ?? Simulated[c.Name]).ToList();
        Dispatchers = new Dispatchers(executors);
        var problems = new ProblemBuilder(Store, Fleet, Prices, budgetSource);
        Cycle = new SchedulingCycle(Store, Writer, problems, new SingleSolver(new GreedySolver()), Fleet, Prices, Dispatchers, Telemetry, Time,
            Queue, options ?? new SchedulerOptions());
        Jobs = new JobOperations(Store, Writer, Events, new JobSpecValidator(RegionDirectory.Default, Time), problems, Dispatchers, Trigger);
        _dispatchers = executors.ToDictionary(
            e => e.Cluster,
            e => new ClusterDispatcher(e, Store, Writer, Fleet, Dispatchers, Trigger, Telemetry, new DispatcherOptions { FailureThreshold = 2 }, Time));
    }

    public FakeTimeProvider Time { get; } = new();
    public InMemoryJobStore Store { get; } = new();
    public JobEventHub Events { get; } = new();
    public RecordingTelemetry Telemetry { get; } = new();
    public AsyncSignal Trigger { get; } = new();
    public FleetState Fleet { get; }
    public IPriceSource Prices { get; }
    public JobWriter Writer { get; }
    public PendingQueue Queue { get; }
    public Dispatchers Dispatchers { get; }
    public Dictionary<string, SimulatedExecutor> Simulated { get; }
    public SchedulingCycle Cycle { get; }
    public JobOperations Jobs { get; }

    public ClusterDispatcher DispatcherOf(string cluster) => _dispatchers[cluster];

    public async Task<Job> SubmitAsync(JobSpec spec, string? key = null)
    {
        var result = await Jobs.SubmitAsync(Drafts.From(spec), key ?? Guid.NewGuid().ToString(), default);
        Assert.True(result.Kind == SubmitResultKind.Created, string.Join("; ", result.Errors));
        return result.Job!;
    }

    public async Task<Job> GetAsync(Job job) => (await Store.GetAsync(job.Id, default))!;

    /// <summary>Cycle, then every dispatcher dispatches what was placed.</summary>
    public async Task<CycleResult> CycleAndDispatchAsync()
    {
        var result = await Cycle.RunOnceAsync(default);
        foreach (var dispatcher in _dispatchers.Values)
        {
            await dispatcher.DispatchPlacedAsync(default);
        }
        return result;
    }

    /// <summary>Moves the clock, then applies every phase change the simulated clusters reported.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        foreach (var (cluster, executor) in Simulated)
        {
            while (executor.TryReadUpdate(out var update))
            {
                await _dispatchers[cluster].ApplyAsync(update, default);
            }
        }
    }

    public void Dispose()
    {
        foreach (var executor in Simulated.Values)
        {
            executor.Dispose();
        }
        Dispatchers.Dispose();
        Trigger.Dispose();
    }
}

internal sealed class RecordingTelemetry : ISchedulerTelemetry
{
    public List<string> Events { get; } = [];

    public void SolveCompleted(string solver, TimeSpan duration) => Events.Add($"solve:{solver}");
    public void CycleCompleted(TimeSpan duration, IReadOnlyDictionary<string, int> pendingByReason) =>
        Events.Add("cycle:" + string.Join(",", pendingByReason.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
    public void JobPlaced(TimeSpan submitToPlace) => Events.Add("placed");
    public void DispatchFailed(string cluster, string code) => Events.Add($"dispatch-failed:{cluster}:{code}");
    public void Preempted(string cluster, string pool) => Events.Add($"preempted:{cluster}:{pool}");
    public void FailedOver(string cluster) => Events.Add($"failover:{cluster}");
}

/// <summary>Turns a spec back into the draft the API would have sent.</summary>
internal static class Drafts
{
    public static JobSpecDraft From(JobSpec spec) => new()
    {
        Name = spec.Name,
        Team = spec.Team,
        Image = spec.Container.Image,
        Command = spec.Container.Command,
        Gpus = spec.Worker.Gpus,
        GpuModels = spec.Worker.GpuModels,
        VCpus = (double)spec.Worker.VCpus,
        MemoryGiB = (double)spec.Worker.MemoryGiB,
        Workers = spec.Workers,
        EstimatedRuntimeSeconds = (long)spec.EstimatedRuntime.TotalSeconds,
        Jurisdictions = spec.Residency.Jurisdictions.Select(j => j.Code).ToList(),
        CapacityPolicy = spec.CapacityPolicy,
        CheckpointIntervalSeconds = (long)(spec.CheckpointInterval?.TotalSeconds ?? 0),
        MaxHourlyPrice = spec.MaxHourlyPrice?.ToString() ?? "",
        Priority = spec.Priority,
        DataRegion = spec.Data?.Region.ToString() ?? "",
        DataGbRead = (double)(spec.Data?.GbRead ?? 0m),
        Tolerations = [.. spec.Tolerations.Select(t => new TolerationDraft(t.Key, t.Operator.ToString(), t.Value, t.Effect?.ToWire() ?? ""))],
    };
}
