using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PlacementEngine.Core;
using PlacementEngine.Kubernetes.Client;
using PlacementEngine.Kubernetes.Jobs;
using PlacementEngine.Kubernetes.Watch;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes;

/// <summary>
/// Runs attempts as batch/v1 Jobs on one Kubernetes cluster, reached through a kubeconfig context (or the pod's
/// service account), in that context's namespace.
/// </summary>
public sealed partial class KubernetesExecutor : IClusterExecutor, IDisposable
{
    // Background propagation: without it the API's default for Jobs orphans the pods, which keep running.
    private const string DeletePropagation = "Background";

    private readonly ClusterConnection _connection;
    private readonly JobListWatcher _watcher;
    private readonly KubernetesExecutorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="kubeconfigPath">The kubeconfig file.</param>
    /// <param name="context">The context to use; null means the file's current-context.</param>
    /// <param name="cluster">The fleet's name for this cluster.</param>
    /// <exception cref="KubeConfigException">The kubeconfig is unreadable or lacks what the context needs; the message names the file.</exception>
    public KubernetesExecutor(
        string kubeconfigPath,
        string? context,
        string cluster,
        TimeProvider time,
        ILogger<KubernetesExecutor>? logger = null,
        KubernetesExecutorOptions? options = null)
        : this(timeout => ClusterConnection.FromKubeConfig(kubeconfigPath, context, timeout), cluster, time, logger, options)
    {
    }

    private KubernetesExecutor(
        Func<TimeSpan, ClusterConnection> connect,
        string cluster,
        TimeProvider time,
        ILogger<KubernetesExecutor>? logger,
        KubernetesExecutorOptions? options)
    {
        options ??= new KubernetesExecutorOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid Kubernetes executor options: " + string.Join("; ", problems), nameof(options));
        }
        _connection = connect(options.RequestTimeout);
        Cluster = cluster;
        Namespace = _connection.Namespace;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<KubernetesExecutor>.Instance;
        _watcher = new JobListWatcher(() => _connection.Client.BatchV1, Namespace, PlacementLabels.DispatchedSelector, options, cluster, time, _logger);
        if (_connection.DeferredError is { } deferred)
        {
            LogCredentialsDeferred(_logger, cluster, deferred);
        }
    }

    /// <summary>An executor for the cluster this process runs in, through its pod's service account.</summary>
    /// <exception cref="KubeConfigException">Not running in a pod, or the service account files cannot be read.</exception>
    public static KubernetesExecutor InCluster(
        string cluster,
        TimeProvider time,
        ILogger<KubernetesExecutor>? logger = null,
        KubernetesExecutorOptions? options = null) =>
        new(ClusterConnection.InCluster, cluster, time, logger, options);

    public string Cluster { get; }

    /// <summary>Where the Jobs go: the kubeconfig context's namespace, "default" when it names none.</summary>
    public string Namespace { get; }

    public bool IsSimulated => false;

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var manifest = JobManifestBuilder.Build(request, Namespace);
        var name = manifest.Metadata.Name;
        DispatchOutcome outcome;
        try
        {
            await _connection.Client.BatchV1.CreateNamespacedJobAsync(manifest, Namespace, cancellationToken: cancellationToken);
            outcome = DispatchOutcome.Ok(name);
        }
        catch (HttpOperationException e)
        {
            outcome = DispatchRefusals.From(ApiRefusal.From(e), name);
        }
        catch (HttpRequestException e)
        {
            outcome = DispatchRefusals.Unreachable(name, e);
        }
        catch (KubeConfigException e)
        {
            // A credential plugin that fails (at start-up, or renewing its token): the next dispatch runs it again.
            outcome = DispatchRefusals.WithoutCredentials(name, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = DispatchRefusals.TimedOut(name);
        }
        if (outcome.Accepted)
        {
            LogDispatched(_logger, Cluster, name, request.Pool.Name);
        }
        else
        {
            LogDispatchRefused(_logger, Cluster, name, outcome.ErrorCode, outcome.Permanent, outcome.Error);
        }
        return outcome;
    }

    /// <exception cref="HttpOperationException">The API refused the delete for another reason than the Job being gone.</exception>
    /// <exception cref="KubeConfigException">The credential plugin fails.</exception>
    public async Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken)
    {
        var name = DispatchNames.For(job, attempt);
        try
        {
            await _connection.Client.BatchV1.DeleteNamespacedJobAsync(name, Namespace, propagationPolicy: DeletePropagation, cancellationToken: cancellationToken);
            LogCancelled(_logger, Cluster, name);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: cancelling is done.
        }
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadinessProbe.IsReadyAsync(_connection.Client, _options.RequestTimeout, _time, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or KubeConfigException)
        {
            LogHealthCheckFailed(_logger, Cluster, e);
            return false;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogHealthCheckFailed(_logger, Cluster, e);
            return false;
        }
    }

    public void Dispose() => _connection.Dispose();
}
