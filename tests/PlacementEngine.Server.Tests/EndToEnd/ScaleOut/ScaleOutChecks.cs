using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>What every scale-out test asserts once its clients stopped, and the wait its steps share.</summary>
internal static class ScaleOutChecks
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long each of a test's submitting clients waits after an acknowledgement: eight clients then offer at most
    /// 32 jobs a second, below the 60 a second the test fleet's capacity turns over (measured), so no backlog builds.
    /// </summary>
    public static readonly TimeSpan CrowdPace = TimeSpan.FromMilliseconds(250);

    /// <summary>No client met a status it may not retry; every acknowledged job is stored once, under the id it was acknowledged with.</summary>
    public static async Task AssertEveryAcknowledgedJobOnceAsync(SubmitterCrowd crowd, ServerConnection admin, SiloCluster cluster)
    {
        Assert.True(crowd.Unexpected.Count == 0, string.Join("\n", crowd.Unexpected) + "\n" + FailedCalls(cluster));
        var stored = await Jobs.ListAsync(admin, crowd.Prefix + "-");
        Assert.Equal(stored.Count, stored.Select(j => j.Spec.Name).Distinct(StringComparer.Ordinal).Count());
        var byName = stored.ToDictionary(j => j.Spec.Name, j => j.Id, StringComparer.Ordinal);
        foreach (var (key, ack) in crowd.Acknowledged)
        {
            Assert.True(byName.TryGetValue(key, out var id) && id == ack.JobId, $"acknowledged job {key} ({ack.JobId}) is missing or stored under another id");
        }
    }

    /// <summary>Replayed from the stored attempts, no pool ever held more nodes than it has; and something was placed at all.</summary>
    public static async Task AssertNoPoolOverItsNodesAsync(SiloCluster cluster, ServerConnection admin)
    {
        var pools = (await admin.Fleet.ListPoolsAsync(new ListPoolsRequest())).Pools.ToDictionary(p => p.Name, p => p.MaxNodes, StringComparer.Ordinal);
        Assert.Empty(await CapacityAudit.FindBreachesAsync(cluster.ConnectionString, pools));
        Assert.True(await CapacityAudit.AttemptCountAsync(cluster.ConnectionString) > 0);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with every silo's log after <see cref="Patience"/>.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, SiloCluster cluster) =>
        cluster.UntilAsync(condition, what, Patience);

    /// <summary>States a job reaches once placed, and once dispatched, on the way to success.</summary>
    public static readonly JobState[] Placed = [JobState.Placed, JobState.Dispatched, JobState.Running, JobState.Succeeded];
    public static readonly JobState[] Dispatched = [JobState.Dispatched, JobState.Running, JobState.Succeeded];

    /// <summary>Whether a job acknowledged after <paramref name="since"/> is in one of <paramref name="states"/>, asking a running silo other than <paramref name="excluding"/>.</summary>
    public static async Task<bool> AnyAcknowledgedSinceInAsync(SubmitterCrowd crowd, SiloCluster cluster, DateTime since, JobState[] states, ServerProcess? excluding = null)
    {
        var recent = crowd.Acknowledged.Values.Where(a => a.AckedAt > since).Select(a => a.JobId).ToHashSet(StringComparer.Ordinal);
        if (recent.Count == 0)
        {
            return false;
        }
        using var connection = cluster.ConnectToRunning(DemoTokens.Admin, excluding);
        return (await Jobs.ListAsync(connection, crowd.Prefix + "-")).Any(j => recent.Contains(j.Id) && states.Contains(j.State));
    }

    /// <summary>The silos' log lines about failed calls, with the exception that follows each, for the failure message.</summary>
    private static string FailedCalls(SiloCluster cluster) =>
        string.Join("\n", cluster.Logs().Split('\n').SkipWhile(l => !l.Contains("answered INTERNAL", StringComparison.Ordinal)).Take(40));
}
