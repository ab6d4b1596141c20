using System.Collections.Concurrent;
using PlacementEngine.Contracts.V1;
using Xunit.Abstractions;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>Three silos on PostgreSQL: the silo running the scheduler dies with kill -9 while eight clients submit.</summary>
public sealed class SchedulerFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillNine_SchedulerSilo_PlacementResumesOnASurvivorEveryAcknowledgedJobOnceAndNoPoolOverItsNodes()
    {
        await using var cluster = await SiloCluster.StartAsync(3);
        var dead = new ConcurrentDictionary<ServerProcess, bool>();
        var crowd = new SubmitterCrowd(cluster.Silos, clients: 8, prefix: "failover");
        using var stop = new CancellationTokenSource();
        var submitting = crowd.RunAsync(silo => !dead.ContainsKey(silo), stop.Token);

        var victim = await cluster.SchedulerHostAsync(Patience);
        var survivor = cluster.Silos.First(s => s != victim);
        using var admin = survivor.Connect(DemoTokens.Admin);
        await cluster.UntilAsync(async () => (await Jobs.ListAsync(admin, "failover-")).Any(j => j.State != JobState.Pending), "a first placement", Patience);

        dead[victim] = true;
        var killedAt = DateTime.UtcNow;
        await victim.KillHardAsync();

        await cluster.UntilAsync(async () =>
        {
            var afterKill = crowd.Acknowledged.Values.Where(a => a.AckedAt > killedAt).Select(a => a.JobId).ToHashSet();
            return (await Jobs.ListAsync(admin, "failover-")).Any(j => afterKill.Contains(j.Id) && j.State != JobState.Pending);
        }, "a placement of a job submitted after the kill", Patience);
        var resumed = DateTime.UtcNow - killedAt;
        output.WriteLine($"placement resumed {resumed.TotalSeconds:F1} s after kill -9 of the scheduler's silo");

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await submitting;

        Assert.True(crowd.Unexpected.Count == 0, string.Join("\n", crowd.Unexpected) + "\n" + FailedCalls(cluster));
        var stored = await Jobs.ListAsync(admin, "failover-");
        Assert.Equal(stored.Count, stored.Select(j => j.Spec.Name).Distinct(StringComparer.Ordinal).Count());
        var byName = stored.ToDictionary(j => j.Spec.Name, j => j.Id, StringComparer.Ordinal);
        foreach (var (key, ack) in crowd.Acknowledged)
        {
            Assert.True(byName.TryGetValue(key, out var id) && id == ack.JobId, $"acknowledged job {key} ({ack.JobId}) is missing or stored under another id");
        }
        var pools = (await admin.Fleet.ListPoolsAsync(new ListPoolsRequest())).Pools.ToDictionary(p => p.Name, p => p.MaxNodes, StringComparer.Ordinal);
        Assert.Empty(await CapacityAudit.FindBreachesAsync(cluster.ConnectionString, pools));
        Assert.True(await CapacityAudit.AttemptCountAsync(cluster.ConnectionString) > 0);
    }

    /// <summary>The silos' log lines about failed calls, with the exception that follows each, for the failure message.</summary>
    private static string FailedCalls(SiloCluster cluster) =>
        string.Join("\n", cluster.Logs().Split('\n').SkipWhile(l => !l.Contains("answered INTERNAL", StringComparison.Ordinal)).Take(40));
}
