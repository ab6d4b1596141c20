using PlacementEngine.Contracts.V1;
using Xunit.Abstractions;
using static PlacementEngine.Server.Tests.EndToEnd.ScaleOut.ScaleOutChecks;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Three silos on PostgreSQL: the silo running the scheduler (and, having started first, the clusters' grains) hangs
/// for 30 s under SIGSTOP while clients submit, then carries on under SIGCONT as if nothing had happened.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SiloPauseTests(ITestOutputHelper output)
{
    private const string Prefix = "pause";
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SigStop_SchedulerSilo_ForThirtySeconds_ItsGrainsMoveAndOnSigContItDispatchesNothingAgain()
    {
        await using var cluster = await SiloCluster.StartAsync(3);
        ServerProcess? victim = null;
        // Paced: unpaced submissions outrun placement on two cores and queue the job this test waits for behind the backlog.
        var crowd = new SubmitterCrowd(cluster.Silos, clients: 4, prefix: Prefix, pace: CrowdPace);
        using var stop = new CancellationTokenSource();
        var submitting = crowd.RunAsync(silo => silo != Volatile.Read(ref victim) && silo.ExitCode is null, stop.Token);
        await UntilAsync(() => AnyAcknowledgedSinceInAsync(crowd, cluster, DateTime.MinValue, Dispatched), "first dispatch", cluster);

        // Chosen just before the freeze: on a loaded machine a live silo is now and then declared dead and stops.
        var host = LatestHost(cluster, SiloLog.SchedulerActivations);
        var victimClusters = ClustersLastActiveOn(host, cluster);
        Volatile.Write(ref victim, host);
        var pausedAt = DateTime.UtcNow;
        await host.PauseAsync();

        await UntilAsync(() => Task.FromResult(LatestHost(cluster, SiloLog.SchedulerActivations) != host), "scheduler grain on a survivor", cluster);
        var schedulerMoved = DateTime.UtcNow - pausedAt;
        await UntilAsync(() => Task.FromResult(ClustersLastActiveOn(host, cluster).Count == 0), "cluster grains on survivors", cluster);
        var clustersMoved = DateTime.UtcNow - pausedAt;
        await UntilAsync(() => AnyAcknowledgedSinceInAsync(crowd, cluster, pausedAt, Dispatched, host), "dispatch of a job submitted during the pause", cluster);
        var dispatchResumed = DateTime.UtcNow - pausedAt;
        output.WriteLine($"after SIGSTOP of the scheduler's silo: scheduler grain active on a survivor after {schedulerMoved.TotalSeconds:F1} s, " +
            $"its {victimClusters.Count} cluster grains ({string.Join(", ", victimClusters)}) after {clustersMoved.TotalSeconds:F1} s, " +
            $"a job submitted since dispatched after {dispatchResumed.TotalSeconds:F1} s");

        var stillFrozen = pausedAt + Frozen - DateTime.UtcNow;
        if (stillFrozen > TimeSpan.Zero)
        {
            await Task.Delay(stillFrozen);
        }
        var resumedAt = DateTime.UtcNow;
        await host.ResumeAsync();
        // Declared dead while it hung, the silo finds so in the membership table and ends its process.
        var exited = await host.WaitForExitAsync(Patience);
        output.WriteLine($"the resumed silo {(exited ? $"exited with {host.ExitCode} after {(DateTime.UtcNow - resumedAt).TotalSeconds:F1} s" : "still runs")}");
        var settled = DateTime.UtcNow;
        await UntilAsync(() => AnyAcknowledgedSinceInAsync(crowd, cluster, settled, Dispatched, host), "dispatch of a job submitted after the resume", cluster);
        await stop.CancelAsync();
        await submitting;

        Assert.True(exited, $"the silo declared dead while paused still runs after SIGCONT\n{host.Output}");
        // A hand-over frozen between its membership check and its end completes as the process resumes: no check can
        // stop it, and its deterministic name makes it the same hand-over as the new owner's. Anything later would be
        // a hand-over the resumed silo started after it had been replaced.
        var inFlight = resumedAt + SiloMembershipFreshness;
        var afterResume = SiloLog.Dispatches(host.Output).Where(d => d.At >= inFlight).ToList();
        Assert.True(afterResume.Count == 0, $"the resumed silo dispatched {afterResume.Count} jobs: {string.Join(", ", afterResume.Take(10))}");
        AssertNoAttemptDispatchedTwice(cluster, host, resumedAt, inFlight);
        using var admin = cluster.ConnectToRunning(DemoTokens.Admin);
        await AssertEveryAcknowledgedJobOnceAsync(crowd, admin, cluster);
        await AssertNoPoolOverItsNodesAsync(cluster, admin);
    }

    /// <summary>The dispatcher's membership confirmation lasts this long (SiloMembership.Freshness), and a hand-over in flight no longer.</summary>
    private static readonly TimeSpan SiloMembershipFreshness = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Each attempt handed to an executor once, by one silo. The exceptions, both under the same deterministic name: a
    /// hand-over a silo had made but not yet recorded when it froze or died, which the cluster's next owner makes
    /// again; and one the frozen silo was in the middle of, which completes as it resumes (before <paramref name="inFlight"/>).
    /// </summary>
    private void AssertNoAttemptDispatchedTwice(SiloCluster cluster, ServerProcess frozen, DateTime resumedAt, DateTime inFlight)
    {
        var all = cluster.Silos.SelectMany(s => SiloLog.Dispatches(s.Output).Select(d => (Silo: s, Dispatch: d))).ToList();
        var repeated = all.GroupBy(x => (x.Dispatch.Job, x.Dispatch.Attempt)).Where(g => g.Count() > 1).ToList();
        var retaken = repeated.Where(g => g.Count() == 2 && (MadeAgainAfterItsSiloStopped(g) || CompletedAsTheFrozenSiloResumed(g))).ToList();
        output.WriteLine($"{all.Count} hand-overs to executors; {retaken.Count} made again by a new owner after the first one's silo stopped, or completed as the frozen silo resumed");
        var twice = repeated.Except(retaken).ToList();
        Assert.True(twice.Count == 0, "dispatched more than once: " + string.Join("; ", twice.Take(10).Select(g => string.Join(", ", g.Select(x => $"{x.Dispatch} on pid {x.Silo.Pid}")))));

        static bool MadeAgainAfterItsSiloStopped(IEnumerable<(ServerProcess Silo, SiloLog.Dispatch Dispatch)> pair) =>
            pair.MinBy(x => x.Dispatch.At).Silo is { ExitCode: not null } first && pair.MaxBy(x => x.Dispatch.At).Silo != first;

        bool CompletedAsTheFrozenSiloResumed(IEnumerable<(ServerProcess Silo, SiloLog.Dispatch Dispatch)> pair) =>
            pair.Any(x => x.Silo == frozen && x.Dispatch.At >= resumedAt && x.Dispatch.At < inFlight)
            && pair.Select(x => x.Silo).Distinct().Count() == 2;
    }

    /// <summary>The silo with the most recent activation line that <paramref name="activations"/> reads.</summary>
    private static ServerProcess LatestHost(SiloCluster cluster, Func<string, IReadOnlyList<DateTime>> activations) =>
        cluster.Silos.SelectMany(s => activations(s.Output).Select(at => (Silo: s, At: at))).MaxBy(a => a.At).Silo;

    /// <summary>The clusters whose grain most recently activated on <paramref name="silo"/>.</summary>
    private static List<string> ClustersLastActiveOn(ServerProcess silo, SiloCluster cluster) =>
        cluster.Silos.SelectMany(s => SiloLog.ClusterActivations(s.Output).Select(a => (Silo: s, a.Cluster, a.At)))
            .GroupBy(a => a.Cluster)
            .Where(g => g.MaxBy(a => a.At).Silo == silo)
            .Select(g => g.Key)
            .ToList();
}
