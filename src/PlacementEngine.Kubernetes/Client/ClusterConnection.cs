using k8s;
using k8s.Exceptions;

namespace PlacementEngine.Kubernetes.Client;

/// <summary>
/// The package's client for one cluster. KubernetesClient runs a kubeconfig's credential plugin while it reads the
/// file; when that run fails at start-up (an expired sign-in) the client is built on a later use instead, so the
/// cluster refuses work for lack of credentials meanwhile rather than stopping the whole server.
/// </summary>
internal sealed class ClusterConnection : IDisposable
{
    // API endpoints behind cloud load balancers change addresses; recycling connections picks that up.
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly Func<KubernetesClientConfiguration> _configure;
    private readonly string _source;
    private readonly TimeSpan _requestTimeout;
    private readonly Lock _gate = new();
    private k8s.Kubernetes? _client;

    private ClusterConnection(Func<KubernetesClientConfiguration> configure, string source, TimeSpan requestTimeout, string @namespace)
    {
        _configure = configure;
        _source = source;
        _requestTimeout = requestTimeout;
        Namespace = @namespace;
    }

    public string Namespace { get; }

    /// <summary>The plugin's failure when the client could not be built at start-up; null once it is built.</summary>
    public KubeConfigException? DeferredError { get; private set; }

    /// <exception cref="KubeConfigException">The kubeconfig is unusable; a failing credential plugin is not, see above.</exception>
    public static ClusterConnection FromKubeConfig(string path, string? context, TimeSpan requestTimeout)
    {
        var file = KubeConfigFile.Read(path, context);
        var connection = new ClusterConnection(() => ClusterConfigs.Build(file), path, requestTimeout, ClusterConfigs.NamespaceOf(file.ContextNamespace));
        try
        {
            connection.Connect();
        }
        catch (KubeConfigException e) when (ClusterConfigs.IsPluginFailure(e))
        {
            connection.DeferredError = e;
        }
        return connection;
    }

    public static ClusterConnection InCluster(TimeSpan requestTimeout)
    {
        var config = ClusterConfigs.InCluster();
        var connection = new ClusterConnection(() => config, "in-cluster service account", requestTimeout, ClusterConfigs.NamespaceOf(config.Namespace));
        connection.Connect();
        return connection;
    }

    /// <exception cref="KubeConfigException">The credential plugin still fails.</exception>
    public k8s.Kubernetes Client
    {
        get
        {
            lock (_gate)
            {
                return _client ?? Connect();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Dispose();
        }
    }

    private k8s.Kubernetes Connect()
    {
        var config = _configure();
        config.HttpClientTimeout = _requestTimeout;
        config.FirstMessageHandlerSetup = handler => handler.PooledConnectionLifetime = ConnectionLifetime;
        _client = ClusterConfigs.CreateClient(config, _source);
        DeferredError = null;
        return _client;
    }
}
