using System.Diagnostics;
using PlacementEngine.Contracts.V1;
using Xunit.Abstractions;
using static PlacementEngine.Server.Tests.EndToEnd.ScaleOut.ScaleOutChecks;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>Three silos on PostgreSQL, restarted one after another as a deployment would, while eight clients submit.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const string Prefix = "rolling";

    [Fact]
    public async Task RestartEachSiloInTurn_UnderLoad_ClientsSeeOnlyRetryableStatusesAndNoAcknowledgedJobIsLost()
    {
        await using var cluster = await SiloCluster.StartAsync(3);
        // Paced below what the fleet's capacity turns over: placement is oldest first, so an unpaced crowd builds a
        // backlog (15,000 pending in one run) that the job this test waits for queues behind.
        var crowd = new SubmitterCrowd(cluster.Silos, clients: 8, prefix: Prefix, pace: CrowdPace);
        using var stop = new CancellationTokenSource();
        // Clients keep calling every silo, the one going down included: what they meet then is what this test is about.
        var submitting = crowd.RunAsync(_ => true, stop.Token);
        await UntilAsync(() => AnyAcknowledgedSinceInAsync(crowd, cluster, DateTime.MinValue, Placed), "first placement", cluster);

        var rolling = Stopwatch.StartNew();
        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            var (exitCode, stopping, starting) = await cluster.RestartAsync(i);
            output.WriteLine($"silo {i}: SIGTERM to exit (code {exitCode}) {stopping.TotalSeconds:F1} s, start to serving {starting.TotalSeconds:F1} s");
        }
        var restartedAt = DateTime.UtcNow;
        output.WriteLine($"all three restarted in {rolling.Elapsed.TotalSeconds:F1} s");

        await UntilAsync(() => AnyAcknowledgedSinceInAsync(crowd, cluster, restartedAt, Placed), "placement of a job submitted after the last restart", cluster);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await submitting;

        output.WriteLine($"{crowd.Acknowledged.Count} jobs acknowledged; retried: " +
            string.Join(", ", crowd.Retried.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}")) +
            $"; calls lost with their connection as a server shut down: {crowd.ConnectionsLost.Count} {string.Join("; ", crowd.ConnectionsLost.Take(3))}");
        using var admin = cluster.ConnectToRunning(DemoTokens.Admin);
        output.WriteLine("jobs by state: " + string.Join(", ", (await Jobs.ListAsync(admin, crowd.Prefix + "-")).GroupBy(j => j.State).Select(g => $"{g.Key} {g.Count()}")));
        await AssertEveryAcknowledgedJobOnceAsync(crowd, admin, cluster);
        await AssertNoPoolOverItsNodesAsync(cluster, admin);
    }
}
