using Microsoft.Extensions.Logging.Abstractions;
using PlacementEngine.TestKit.Kubernetes;

namespace PlacementEngine.Kubernetes.Tests.Support;

/// <summary>
/// Executors for a <see cref="FakeCluster"/>. Extension members, because the fake lives in the TestKit, which does
/// not build against the executor it is a fake for.
/// </summary>
internal static class FakeClusterExecutors
{
    private static readonly KubernetesExecutorOptions Fast = new()
    {
        InitialRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    extension(FakeCluster cluster)
    {
        /// <summary>Retry pacing fast enough that tests never wait on a real clock for long.</summary>
        public static KubernetesExecutorOptions FastOptions => Fast;

        public KubernetesExecutor CreateExecutor(KubernetesExecutorOptions? options = null, string? kubeConfigPath = null) =>
            new(kubeConfigPath ?? cluster.KubeConfigPath, context: null, FakeCluster.ClusterName, TimeProvider.System, NullLogger<KubernetesExecutor>.Instance, options ?? Fast);
    }
}
