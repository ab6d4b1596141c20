using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>
/// Wires the scheduling services into a silo: the wake-ups and job events that cross grains go to the grains, one
/// dispatcher per cluster waits for its grain, and the API's operations go through grains. The host registers the
/// rest of scheduling (store, writer, cycle, validator) as before.
/// </summary>
public static class PlacementGrainServices
{
    public static IServiceCollection AddPlacementGrains(this IServiceCollection services, Func<IServiceProvider, IEnumerable<IClusterExecutor>> executors)
    {
        services.AddPlacementSerialization();
        services.AddSingleton<GrainRefs>();
        services.AddSingleton<SchedulerPresence>();
        services.AddSingleton<SiloPeers>();
        services.AddSingleton(sp => new AsyncSignal(() => Send(sp, grains => grains.Scheduler.WakeAsync())));
        services.AddSingleton(sp =>
        {
            // Watchers and the scheduler may be served by another process.
            var events = new JobEventHub();
            events.Listen(change => Forward(sp, change));
            return events;
        });
        services.AddSingleton(sp => PendingQueue.FedBy(sp.GetRequiredService<JobEventHub>()));
        services.AddSingleton(sp => new Dispatchers(executors(sp), cluster => Send(sp, grains => grains.Cluster(cluster).WakeAsync())));
        services.AddSingleton<SiloMembership>();
        // Each silo builds one per cluster; only the silo holding the cluster's grain runs it, and only while a member.
        services.AddSingleton<IReadOnlyList<ClusterDispatcher>>(sp =>
        {
            var membership = sp.GetRequiredService<SiloMembership>();
            return sp.GetRequiredService<Dispatchers>().Executors
                .Select(e => ActivatorUtilities.CreateInstance<ClusterDispatcher>(sp, new MemberOnlyExecutor(e, membership.IsActiveAsync)))
                .ToList();
        });
        services.TryAddSingleton<JobWatchOptions>();
        services.AddSingleton<IJobOperations, GrainJobOperations>();
        services.AddSingleton<IPlanOperations, GrainPlanOperations>();
        services.AddHostedService<GrainStarter>();
        return services;
    }

    /// <summary>Codecs for what grain calls carry; an Orleans client of these grains needs them too.</summary>
    public static IServiceCollection AddPlacementSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(PlacementJson.IsCarried, PlacementJson.Options));

    /// <summary>
    /// To the job's grain for the other silos' watches (this silo's heard it from its hub); to the scheduler when the
    /// change may concern its pending queue. Skipped where nobody can be listening, since this runs for every change: a
    /// job's creation (no one can watch a job before its submission is answered; a watch reads the store first), the
    /// job's grain when no other silo runs, and the scheduler's queue when the scheduler runs on this silo (its queue
    /// heard of the change directly).
    /// </summary>
    private static void Forward(IServiceProvider services, JobChange change)
    {
        if (change.Transition is not null && services.GetRequiredService<SiloPeers>().Exist)
        {
            Send(services, grains => grains.Job(change.Job.Id.Value).PublishAsync(change.AsImmutable()));
        }
        if (ConcernsTheQueue(change) && !services.GetRequiredService<SchedulerPresence>().IsHere)
        {
            Send(services, grains => grains.Scheduler.ObserveAsync(change.AsImmutable()));
        }
    }

    /// <summary>A job joined or left the pending queue, or stopped holding capacity that parked jobs may now take.</summary>
    private static bool ConcernsTheQueue(JobChange change) =>
        change.Job.State is Core.JobState.Pending or Core.JobState.Cancelled || change.FreesCapacity();

    /// <summary>One-way sends: their grains' timers catch up on anything lost, e.g. while the silo shuts down.</summary>
    private static void Send(IServiceProvider services, Func<GrainRefs, Task> send)
    {
        try
        {
            send(services.GetRequiredService<GrainRefs>()).Ignore();
        }
        catch (Exception)
        {
            // The silo is not running yet (the start-up seeds the price book before it starts) or is stopping.
        }
    }

    /// <summary>Activates the scheduler and every cluster's grain once the silo runs; their reminders keep them active.</summary>
    private sealed class GrainStarter(IHostApplicationLifetime lifetime, IGrainFactory grains, Dispatchers dispatchers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                grains.GetGrain<ISchedulerGrain>(ISchedulerGrain.Key).WakeAsync().Ignore();
                foreach (var executor in dispatchers.Executors)
                {
                    grains.GetGrain<IClusterGrain>(executor.Cluster).WakeAsync().Ignore();
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
