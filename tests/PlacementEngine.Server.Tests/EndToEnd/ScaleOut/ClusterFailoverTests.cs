using System.Collections.Concurrent;
using PlacementEngine.Contracts.V1;
using PlacementEngine.TestKit.Kubernetes;
using PlacementEngine.TestKit.Kubernetes.Fake;
using Xunit.Abstractions;

namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Three silos on PostgreSQL and one cluster, on the fake Kubernetes API in this process: the silo owning the
/// cluster's grain dies with kill -9 while two clients submit.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const string Cluster = "eks-fake";
    private const string Namespace = "default";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillNine_ClusterGrainSilo_NewOwnerAdoptsItsJobsOneCreatePerJobNameNothingLost()
    {
        await using var kube = await FakeCluster.StartAsync();
        var fleet = kube.Directory.Write("fleet.yaml", FleetWithOnlyTheFake(kube.KubeConfigPath));
        await using var cluster = await SiloCluster.StartAsync(3, "--fleet", fleet, "--pricing", RepoPaths.Pricing);
        var dead = new ConcurrentDictionary<ServerProcess, bool>();
        // Paced: every job stays on the fake until the test completes it, so the count stays small enough to check one by one.
        var crowd = new SubmitterCrowd(cluster.Silos, clients: 2, prefix: "kube", pace: TimeSpan.FromMilliseconds(200));
        using var stop = new CancellationTokenSource();
        var submitting = crowd.RunAsync(silo => !dead.ContainsKey(silo), stop.Token);

        await cluster.UntilAsync(() => Task.FromResult(kube.Store.All().Count >= 10), "ten Jobs created on the fake", Patience);
        var victim = await cluster.ClusterHostAsync(Cluster, Patience);
        var line = SiloCluster.ClusterActiveLine(Cluster);
        Assert.True(cluster.Silos.Count(s => s.Output.Contains(line, StringComparison.Ordinal)) == 1, "one silo owns the cluster before the kill\n" + cluster.Logs());
        var alsoScheduler = victim.Output.Contains(SiloCluster.SchedulerActiveLine, StringComparison.Ordinal);

        dead[victim] = true;
        var inFlight = kube.Store.All().Select(NameOf).ToList();
        var killedAt = DateTime.UtcNow;
        await victim.KillHardAsync();

        var owner = await cluster.ClusterHostAsync(Cluster, Patience, excluding: [victim]);
        output.WriteLine($"cluster grain active on a survivor {(DateTime.UtcNow - killedAt).TotalSeconds:F1} s after kill -9 of its silo " +
            $"(which {(alsoScheduler ? "also hosted" : "did not host")} the scheduler grain); {inFlight.Count} Jobs were on the fake then");
        await cluster.UntilAsync(() =>
        {
            var created = kube.Store.Creates(Namespace);
            return Task.FromResult(crowd.Acknowledged.Values.Any(a => a.AckedAt > killedAt && created.ContainsKey(KubeName(a.JobId, attempt: 1))));
        }, "Job created for a job submitted after the kill", Patience);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await submitting;
        Assert.True(crowd.Unexpected.Count == 0, string.Join("\n", crowd.Unexpected));
        output.WriteLine($"{crowd.Acknowledged.Count} jobs acknowledged, {crowd.Acknowledged.Values.Count(a => a.AckedAt > killedAt)} after the kill");

        using var admin = owner.Connect(DemoTokens.Admin);
        // Only the new owner follows the cluster now: a job reaching Succeeded proves it took the following over.
        await cluster.UntilAsync(async () =>
        {
            CompleteEveryJobOnTheFake(kube.Store);
            var stored = await Jobs.ListAsync(admin, "kube-");
            return stored.Count >= crowd.Acknowledged.Count && stored.All(j => j.State == JobState.Succeeded);
        }, "Succeeded for every acknowledged job", Patience);

        var jobs = await Jobs.ListAsync(admin, "kube-");
        Assert.Equal(jobs.Count, jobs.Select(j => j.Spec.Name).Distinct(StringComparer.Ordinal).Count());
        var byName = jobs.ToDictionary(j => j.Spec.Name, j => j.Id, StringComparer.Ordinal);
        foreach (var (key, ack) in crowd.Acknowledged)
        {
            Assert.True(byName.TryGetValue(key, out var id) && id == ack.JobId, $"acknowledged job {key} ({ack.JobId}) is missing or stored under another id");
        }
        var creates = kube.Store.Creates(Namespace);
        var expected = jobs.Select(j => KubeName(j.Id, j.Attempts)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), creates.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), kube.Store.All().Select(NameOf).Order(StringComparer.Ordinal));
        Assert.All(creates, c => Assert.True(c.Value.Created == 1, $"{c.Key} was created {c.Value.Created} times"));
        // The new owner handed every Job that was out there at the kill to Kubernetes again: adopted, answered AlreadyExists.
        Assert.All(inFlight, name => Assert.True(creates[name].AlreadyExisted >= 1, $"{name} was on the fake at the kill but never handed over again"));
    }

    private static void CompleteEveryJobOnTheFake(FakeJobStore store)
    {
        foreach (var job in store.All().Where(j => j["status"]?["succeeded"] is null))
        {
            store.SetStatus(Namespace, NameOf(job), FakeJobStatus.Complete());
        }
    }

    private static string NameOf(System.Text.Json.Nodes.JsonObject job) => job["metadata"]!["name"]!.GetValue<string>();

    private static string KubeName(string jobId, int attempt) => Scheduling.DispatchNames.For(new Core.JobId(jobId), attempt);

    /// <summary>The one cluster runs on the fake, so every job goes there; prices as the example fleet's (the shipped catalog's).</summary>
    private static string FleetWithOnlyTheFake(string kubeconfig) => $$"""
        version: 1
        teams:
          - {name: ml-research, budget: "25000"}
          - {name: vision, budget: "15000"}
          - {name: platform, budget: "5000"}
        clusters:
          - name: {{Cluster}}
            region: aws:us-east-1
            kubeconfig: {{kubeconfig}}
            pools:
              - instanceType: m8i.xlarge
                vcpus: 4
                memoryGiB: 16
                capacityType: on-demand
                maxNodes: 2000
                hourlyPrice: "0.21168"
        """;
}
