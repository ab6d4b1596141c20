using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grains.Tests;

/// <summary>
/// One silo on Orleans' in-process test cluster with the grains over an in-memory store, and one cluster "gcp-eu"
/// (two one-GPU A100 nodes) behind a recording executor. Timers are slow, so only the calls a test makes move things.
/// </summary>
/// <param name="silos">How many silos, all on the same store and executor; <see cref="Services"/> are the first one's.</param>
public sealed class GrainCluster(int silos = 1) : IAsyncLifetime
{
    public const string ClusterName = "gcp-eu";

    private InProcessTestCluster? _cluster;

    public InMemoryJobStore Store { get; } = new();

    internal RecordingExecutor Executor { get; } = new(ClusterName);

    public static Fleets Fleet() => Fleets.Make()
        .Cluster(ClusterName, "gcp:europe-west4")
        .Pool("a2-highgpu-1g", "A100", 1, CapacityType.OnDemand, 3.67m, 2);

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public IServiceProvider Services => Cluster.Silos[0].ServiceProvider;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The API's job operations, as the gRPC services use them in the first silo.</summary>
    public IJobOperations Jobs => JobsOn(0);

    public IJobOperations JobsOn(int silo) => Cluster.Silos[silo].ServiceProvider.GetRequiredService<IJobOperations>();

    public ISchedulerGrain Scheduler => Grains.GetGrain<ISchedulerGrain>(ISchedulerGrain.Key);

    public IClusterGrain ClusterGrain => Grains.GetGrain<IClusterGrain>(ClusterName);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInMemoryReminderService();
            AddScheduling(silo.Services);
            silo.Services.AddPlacementGrains(_ => [Executor]);
        });
        builder.ConfigureClient(client => client.Services.AddPlacementSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A valid draft: one A100 for an hour.</summary>
    public static JobSpecDraft Draft(string name = "train", string team = "ml-research") => new()
    {
        Name = name,
        Team = team,
        Image = "ghcr.io/acme/train:1",
        Command = ["python", "train.py"],
        Gpus = 1,
        GpuModels = ["A100"],
        VCpus = 4,
        MemoryGiB = 16,
        EstimatedRuntimeSeconds = 3600,
    };

    public async Task<Job> SubmitAsync(string key = "")
    {
        var result = await Jobs.SubmitAsync(Draft(), key, default);
        Assert.True(result.Kind == SubmitResultKind.Created, string.Join("; ", result.Errors));
        return result.Job!;
    }

    /// <summary>A job submitted, placed by the scheduler's grain and dispatched by the cluster's grain.</summary>
    public async Task<Job> DispatchedJobAsync()
    {
        var job = await SubmitAsync();
        await Scheduler.RunCycleAsync();
        await ClusterGrain.DispatchAsync();
        return await StoredAsync(job.Id);
    }

    public async Task<Job> StoredAsync(JobId id) => (await Store.GetAsync(id, default))!;

    private void AddScheduling(IServiceCollection services)
    {
        var fleet = Fleet();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IJobStore>(Store);
        services.AddSingleton(new FleetState(fleet.Fleet()));
        services.AddSingleton<IFleetSource>(sp => sp.GetRequiredService<FleetState>());
        services.AddSingleton<IPriceSource>(new StaticPriceSource(fleet.Prices()));
        services.AddSingleton<IBudgetSource>(new StaticBudgetSource(new Dictionary<string, Money>()));
        services.AddSingleton(sp => new JobSpecValidator(RegionDirectory.Default, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISchedulerTelemetry, NoTelemetry>();
        services.AddSingleton<ISolverSelector>(new SingleSolver(new GreedySolver()));
        services.AddSingleton<JobWriter>();
        services.AddSingleton<ProblemBuilder>();
        services.AddSingleton<SchedulingCycle>();
        services.AddSingleton<JobOperations>();
        services.AddSingleton<PlanOperations>();
        services.AddSingleton(new SchedulerOptions { CycleInterval = TimeSpan.FromMinutes(10), BatchWindow = TimeSpan.Zero });
        services.AddSingleton(new DispatcherOptions { RetryInterval = TimeSpan.FromMinutes(10), HealthInterval = TimeSpan.FromMinutes(10) });
    }
}
