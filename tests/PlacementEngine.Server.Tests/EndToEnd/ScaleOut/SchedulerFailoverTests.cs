using System.Collections.Concurrent;
using PlacementEngine.Contracts.V1;
using Xunit.Abstractions;
using static PlacementEngine.Server.Tests.EndToEnd.ScaleOut.ScaleOutChecks;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>Three silos on PostgreSQL: the silo running the scheduler dies with kill -9 while eight clients submit.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SchedulerFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillNine_SchedulerSilo_PlacementResumesOnASurvivorEveryAcknowledgedJobOnceAndNoPoolOverItsNodes()
    {
        await using var cluster = await SiloCluster.StartAsync(3);
        var dead = new ConcurrentDictionary<ServerProcess, bool>();
        // Paced: placement is oldest first, so an unpaced crowd's backlog would hide the placement this test waits for.
        var crowd = new SubmitterCrowd(cluster.Silos, clients: 8, prefix: "failover", pace: CrowdPace);
        using var stop = new CancellationTokenSource();
        var submitting = crowd.RunAsync(silo => !dead.ContainsKey(silo), stop.Token);

        var victim = await cluster.SchedulerHostAsync(Patience);
        var survivor = cluster.Silos.First(s => s != victim);
        using var admin = survivor.Connect(DemoTokens.Admin);
        await UntilAsync(async () => (await Jobs.ListAsync(admin, "failover-")).Any(j => j.State != JobState.Pending), "a first placement", cluster);

        dead[victim] = true;
        var killedAt = DateTime.UtcNow;
        await victim.KillHardAsync();

        await UntilAsync(async () =>
        {
            var afterKill = crowd.Acknowledged.Values.Where(a => a.AckedAt > killedAt).Select(a => a.JobId).ToHashSet();
            return (await Jobs.ListAsync(admin, "failover-")).Any(j => afterKill.Contains(j.Id) && j.State != JobState.Pending);
        }, "a placement of a job submitted after the kill", cluster);
        var seen = DateTime.UtcNow - killedAt;
        // The stored start of the first attempt after the kill is when placement resumed; the poll above lists every
        // job of the run each time, so on a loaded machine it sees the placement seconds late.
        var resumed = await CapacityAudit.FirstPlacementAfterAsync(cluster.ConnectionString, killedAt) - killedAt;
        output.WriteLine($"placement resumed {resumed?.TotalSeconds:F1} s after kill -9 of the scheduler's silo (stored first attempt; seen by polling after {seen.TotalSeconds:F1} s)");

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await submitting;

        await AssertEveryAcknowledgedJobOnceAsync(crowd, admin, cluster);
        await AssertNoPoolOverItsNodesAsync(cluster, admin);
    }
}
