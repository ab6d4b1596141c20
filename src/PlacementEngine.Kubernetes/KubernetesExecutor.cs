using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PlacementEngine.Core;
using PlacementEngine.Kubernetes.Api;
using PlacementEngine.Kubernetes.Jobs;
using PlacementEngine.Kubernetes.KubeConfig;
using PlacementEngine.Kubernetes.Watch;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes;

/// <summary>
/// Runs attempts as batch/v1 Jobs on one Kubernetes cluster, reached through a kubeconfig context,
/// in the context's namespace.
/// </summary>
public sealed partial class KubernetesExecutor : IClusterExecutor, IDisposable
{
    private readonly KubeConnectionSettings _settings;
    private readonly KubeApiClient _api;
    private readonly JobListWatcher _watcher;
    private readonly ILogger _logger;
    private readonly string _jobsPath;

    /// <param name="kubeconfigPath">The kubeconfig file.</param>
    /// <param name="context">The context to use; null means the file's current-context.</param>
    /// <param name="cluster">The fleet's name for this cluster.</param>
    /// <exception cref="KubeConfigException">The kubeconfig is unreadable or lacks what the context needs.</exception>
    public KubernetesExecutor(
        string kubeconfigPath,
        string? context,
        string cluster,
        TimeProvider time,
        ILogger<KubernetesExecutor>? logger = null,
        KubernetesExecutorOptions? options = null)
    {
        options ??= new KubernetesExecutorOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid Kubernetes executor options: " + string.Join("; ", problems), nameof(options));
        }
        var settings = KubeConfigLoader.Load(kubeconfigPath, context, time);
        _settings = settings;
        Cluster = cluster;
        Namespace = settings.Namespace;
        _logger = logger ?? NullLogger<KubernetesExecutor>.Instance;
        _api = new KubeApiClient(KubeHttpClientFactory.Create(settings, options.RequestTimeout));
        _jobsPath = $"apis/batch/v1/namespaces/{Uri.EscapeDataString(settings.Namespace)}/jobs";
        _watcher = new JobListWatcher(_api, _jobsPath, PlacementLabels.DispatchedSelector, options, cluster, time, _logger);
    }

    public string Cluster { get; }

    /// <summary>Where the Jobs go: the kubeconfig context's namespace, "default" when it names none.</summary>
    public string Namespace { get; }

    public bool IsSimulated => false;

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var manifest = JobManifestBuilder.Build(request, Namespace);
        var name = manifest.Metadata!.Name!;
        DispatchOutcome outcome;
        try
        {
            await _api.CreateAsync(_jobsPath, manifest, cancellationToken);
            outcome = DispatchOutcome.Ok(name);
        }
        catch (KubernetesApiException e)
        {
            outcome = DispatchRefusals.From(e, name);
        }
        catch (HttpRequestException e)
        {
            outcome = DispatchRefusals.Unreachable(name, e);
        }
        catch (CredentialException e)
        {
            outcome = DispatchRefusals.WithoutCredentials(name, e);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
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

    public async Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken)
    {
        var name = DispatchNames.For(job, attempt);
        // Background propagation: without it the API's default for Jobs orphans the pods, which keep running.
        var path = $"{_jobsPath}/{Uri.EscapeDataString(name)}?propagationPolicy=Background";
        try
        {
            await _api.DeleteAsync(path, cancellationToken);
            LogCancelled(_logger, Cluster, name);
        }
        catch (KubernetesApiException e) when (e.Code == (int)HttpStatusCode.NotFound)
        {
            // Already gone: cancelling is done.
        }
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _api.ProbeAsync("readyz", cancellationToken) == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or CredentialException)
        {
            LogHealthCheckFailed(_logger, Cluster, e);
            return false;
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogHealthCheckFailed(_logger, Cluster, e);
            return false;
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        _settings.ClientCertificate?.Dispose();
        foreach (var authority in _settings.TrustedAuthorities)
        {
            authority.Dispose();
        }
    }
}
